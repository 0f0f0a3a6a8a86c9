// libyaml's public header; the YAML module is the only importer.
#include <yaml.h>
