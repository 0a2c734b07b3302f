/*
 * Two calls Node lacks, for the SQLite backend's update journal (server/storage/mapped-journal.ts):
 *   allocate(fd, length): posix_fallocate, so the file's blocks exist before they are written through a
 *     mapping (a write to an unallocated page on a full disk would be a SIGBUS, not an error);
 *   map(fd, length): a shared read-write mapping of the file as an ArrayBuffer, unmapped when it is
 *     garbage-collected. A store into it is in the page cache at once: it survives kill -9 without a syscall.
 * Errors are thrown as JavaScript errors carrying the errno text.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <node_api.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

static int read_args(napi_env env, napi_callback_info info, int32_t *fd, int64_t *length) {
  size_t argc = 2;
  napi_value argv[2];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 2 ||
      napi_get_value_int32(env, argv[0], fd) != napi_ok || napi_get_value_int64(env, argv[1], length) != napi_ok ||
      *fd < 0 || *length <= 0) {
    napi_throw_type_error(env, NULL, "expected (fd, length) with fd >= 0 and length > 0");
    return 0;
  }
  return 1;
}

static void unmap(napi_env env, void *data, void *hint) {
  (void)env;
  munmap(data, (size_t)(uintptr_t)hint);
}

static napi_value map_file(napi_env env, napi_callback_info info) {
  int32_t fd;
  int64_t length;
  if (!read_args(env, info, &fd, &length)) return NULL;
  void *memory = mmap(NULL, (size_t)length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (memory == MAP_FAILED) {
    napi_throw_error(env, "EMMAP", strerror(errno));
    return NULL;
  }
  napi_value buffer;
  if (napi_create_external_arraybuffer(env, memory, (size_t)length, unmap, (void *)(uintptr_t)length, &buffer) != napi_ok) {
    munmap(memory, (size_t)length);
    napi_throw_error(env, NULL, "could not wrap the mapping in an ArrayBuffer");
    return NULL;
  }
  return buffer;
}

static napi_value allocate_file(napi_env env, napi_callback_info info) {
  int32_t fd;
  int64_t length;
  if (!read_args(env, info, &fd, &length)) return NULL;
  int error = posix_fallocate(fd, 0, (off_t)length);
  if (error != 0) {
    napi_throw_error(env, error == ENOSPC ? "ENOSPC" : "EALLOCATE", strerror(error));
    return NULL;
  }
  return NULL;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_property_descriptor properties[] = {
    {"map", NULL, map_file, NULL, NULL, NULL, napi_default, NULL},
    {"allocate", NULL, allocate_file, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, 2, properties);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
