// One door to posix_spawn_file_actions_addclosefrom_np for UploadGateLauncher.
//
// glibc (2.34+) declares it only under _GNU_SOURCE, and Swift's Glibc module is built without that, so Swift
// cannot see it. It closes every descriptor from `from` up in the spawned child, so that a server started by the
// tests does not keep other tests' sockets open. This shim can go once Swift's Glibc module exposes the function.
#ifndef CSPAWNSHIM_H
#define CSPAWNSHIM_H

// Adds "close every descriptor >= from" to `actions`, a posix_spawn_file_actions_t. Returns 0 or an errno.
int CSpawnShim_addclosefrom(void *actions, int from);

#endif
