package dev.tollgate.app;

/**
 * Which failures a long-running thread of the daemon survives. An exception or an error raised
 * while handling one input (a parser's stack overflow, a library's assertion) concerns that input
 * only: it is reported and the thread goes on. Running out of memory, or a broken virtual
 * machine, is not survivable: the thread stops, and liveness says so.
 */
public final class Failures {
  private Failures() {}

  /** True when nothing should go on after this: the virtual machine itself is failing. */
  public static boolean isFatal(Throwable t) {
    return t instanceof VirtualMachineError && !(t instanceof StackOverflowError);
  }

  /** Rethrows a fatal failure; returns for any other. */
  public static void rethrowIfFatal(Throwable t) {
    if (isFatal(t)) {
      throw (VirtualMachineError) t;
    }
  }
}
