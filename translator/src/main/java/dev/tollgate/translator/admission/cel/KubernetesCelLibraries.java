package dev.tollgate.translator.admission.cel;

import dev.cel.compiler.CelCompilerLibrary;
import dev.cel.runtime.CelRuntimeLibrary;
import java.util.List;

/**
 * The CEL libraries the Kubernetes API server adds to the standard ones (IP, CIDR, URL, format,
 * quantity, lists, regex), for a caller that builds its own environment:
 *
 * <pre>{@code
 * builder.addCompilerLibraries(KubernetesCelLibraries.compilerLibraries())
 *     .addRuntimeLibraries(KubernetesCelLibraries.runtimeLibraries());
 * }</pre>
 *
 * Each library serves both sides, so the two lists always hold the same libraries. Add both.
 */
public final class KubernetesCelLibraries {

  private static final List<KubernetesCelLibrary> LIBRARIES = List.of(
      new IpLibrary(),
      new CidrLibrary(),
      new UrlLibrary(),
      new FormatLibrary(),
      new QuantityLibrary(),
      new ListsLibrary(),
      new RegexLibrary());

  public static List<CelCompilerLibrary> compilerLibraries() {
    return List.copyOf(LIBRARIES);
  }

  public static List<CelRuntimeLibrary> runtimeLibraries() {
    return List.copyOf(LIBRARIES);
  }

  private KubernetesCelLibraries() {}
}
