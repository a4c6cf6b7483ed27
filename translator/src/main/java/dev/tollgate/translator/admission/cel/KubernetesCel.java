package dev.tollgate.translator.admission.cel;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelOptionalLibrary;
import dev.cel.parser.CelStandardMacro;

/**
 * The CEL environment of a CRD's {@code x-kubernetes-validations} rules: standard macros,
 * {@code self} (and {@code oldSelf}) as dynamic values, the string extensions, optional values,
 * heterogeneous numeric comparisons and the Kubernetes libraries. Build it once and share it: it
 * is immutable and thread-safe.
 */
public final class KubernetesCel {

  /** The variable a validation rule reads the value it checks from. */
  public static final String SELF = "self";

  /**
   * The previous value, read by transition rules. Declared so those rules compile; the API server
   * evaluates them only on update, so a caller without a previous value skips them.
   */
  public static final String OLD_SELF = "oldSelf";

  public static Cel newEnvironment() {
    return CelFactory.standardCelBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .addVar(SELF, SimpleType.DYN)
        .addVar(OLD_SELF, SimpleType.DYN)
        .addCompilerLibraries(CelExtensions.strings(), CelOptionalLibrary.INSTANCE)
        .addRuntimeLibraries(CelExtensions.strings(), CelOptionalLibrary.INSTANCE)
        .addCompilerLibraries(KubernetesCelLibraries.compilerLibraries())
        .addRuntimeLibraries(KubernetesCelLibraries.runtimeLibraries())
        .setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build())
        .build();
  }

  private KubernetesCel() {}
}
