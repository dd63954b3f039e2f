#define _GNU_SOURCE
#include <spawn.h>

#include "CSpawnShim.h"

int CSpawnShim_addclosefrom(void *actions, int from) {
    return posix_spawn_file_actions_addclosefrom_np((posix_spawn_file_actions_t *)actions, from);
}
