// LeakSanitizer (debug-asan preset) reports allocations that Graphviz's font
// and plugin machinery (fontconfig, libgvc, glib) keeps for the life of the
// process; they are not tempora's. LeakSanitizer calls this hook at start-up;
// in builds without sanitizers it is an unused function. The test programs
// compile this file too.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n"
         "leak:libgvc.so\n"
         "leak:libglib-2.0.so\n";
}
