// zlib's public header: the gzip files of DynamoDB's export (MacieIdentifiers)
// and the resource registry's deflated data (AWSResources).
#include <zlib.h>
