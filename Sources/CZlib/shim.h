// zlib's public header; MacieIdentifiers is the only importer (gzip exports).
#include <zlib.h>
