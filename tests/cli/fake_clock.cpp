// A preloadable library (LD_PRELOAD) that moves the wall clock: time(),
// gettimeofday() and clock_gettime(CLOCK_REALTIME...) answer the real time
// plus FAKE_CLOCK_OFFSET seconds (negative: the past). The determinism test
// runs `tempora` under it to show that output never depends on the machine's
// date; faketime does the same but is not installed everywhere.
#include <dlfcn.h>
#include <sys/time.h>

#include <cstdlib>
#include <ctime>

namespace {

long offset() {
  const char* text = std::getenv("FAKE_CLOCK_OFFSET");
  return text != nullptr ? std::strtol(text, nullptr, 10) : 0;
}

using clock_gettime_t = int (*)(clockid_t, timespec*);

clock_gettime_t real_clock_gettime() {
  static const auto real = reinterpret_cast<clock_gettime_t>(dlsym(RTLD_NEXT, "clock_gettime"));
  return real;
}

}  // namespace

extern "C" {

int clock_gettime(clockid_t clock, timespec* ts) noexcept {
  const int rc = real_clock_gettime()(clock, ts);
  if (rc == 0 && ts != nullptr &&
      (clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE || clock == CLOCK_TAI))
    ts->tv_sec += offset();
  return rc;
}

int gettimeofday(struct timeval* tv, void*) noexcept {
  timespec ts{};
  const int rc = clock_gettime(CLOCK_REALTIME, &ts);
  if (rc == 0 && tv != nullptr) {
    tv->tv_sec = ts.tv_sec;
    tv->tv_usec = ts.tv_nsec / 1000;
  }
  return rc;
}

time_t time(time_t* out) noexcept {
  timespec ts{};
  clock_gettime(CLOCK_REALTIME, &ts);
  if (out != nullptr) *out = ts.tv_sec;
  return ts.tv_sec;
}

}  // extern "C"
