// zlib's public header: the resource registry's data is deflate-compressed.
#include <zlib.h>
