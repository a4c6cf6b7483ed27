package dev.tollgate.translator.admission.cel;

import dev.cel.compiler.CelCompilerLibrary;
import dev.cel.runtime.CelRuntimeLibrary;
import java.util.List;

/**
 * The CEL libraries the Kubernetes API server adds to the standard ones, for a caller that builds
 * its own environment:
 *
 * <pre>{@code
 * builder.addCompilerLibraries(KubernetesCelLibraries.compilerLibraries())
 *     .addRuntimeLibraries(KubernetesCelLibraries.runtimeLibraries());
 * }</pre>
 *
 * Each library is one object serving both sides, so the two lists always hold the same libraries.
 */
public final class KubernetesCelLibraries {

  private static final List<Object> LIBRARIES = List.of(
      new IpLibrary(),
      new CidrLibrary(),
      new UrlLibrary(),
      new FormatLibrary(),
      new QuantityLibrary(),
      new ListsLibrary(),
      new RegexLibrary());

  public static List<CelCompilerLibrary> compilerLibraries() {
    return LIBRARIES.stream().map(CelCompilerLibrary.class::cast).toList();
  }

  public static List<CelRuntimeLibrary> runtimeLibraries() {
    return LIBRARIES.stream().map(CelRuntimeLibrary.class::cast).toList();
  }

  private KubernetesCelLibraries() {}
}
