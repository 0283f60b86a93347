#!/bin/sh
# Stand-in for Prisma's native schema engine, which can only be downloaded from
# Prisma's own host. `prisma generate` only asks it for its version; migrations
# run through the WebAssembly engine instead (scripts/db/).
echo "schema-engine-cli offline-stand-in"
