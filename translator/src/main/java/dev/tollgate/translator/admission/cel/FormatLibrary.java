package dev.tollgate.translator.admission.cel;

import static dev.cel.common.CelFunctionDecl.newFunctionDeclaration;
import static dev.cel.common.CelOverloadDecl.newGlobalOverload;
import static dev.cel.common.CelOverloadDecl.newMemberOverload;
import static dev.tollgate.translator.admission.cel.KubernetesCelTypes.NAMED_FORMAT;

import dev.cel.common.types.ListType;
import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelRuntime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import java.util.List;
import java.util.Optional;

/**
 * Kubernetes' format library: {@code format.named(name)}, an optional format, and one
 * {@code format.<name>()} per format, each with {@code validate(string)}.
 *
 * <p>As on the API server, {@code validate} returns {@code optional.none()} for a valid value and
 * {@code optional.of(problems)} otherwise, so rules test it with {@code .hasValue()}.
 */
final class FormatLibrary implements KubernetesCelLibrary {

  @Override
  public void setCheckerOptions(CelCheckerBuilder checker) {
    checker.addFunctionDeclarations(
        newFunctionDeclaration("format.named",
            newGlobalOverload("format_named", OptionalType.create(NAMED_FORMAT), SimpleType.STRING)),
        newFunctionDeclaration("validate",
            newMemberOverload("format_validate", OptionalType.create(ListType.create(SimpleType.STRING)), NAMED_FORMAT,
                SimpleType.STRING)));
    for (NamedFormat format : NamedFormat.values()) {
      checker.addFunctionDeclarations(newFunctionDeclaration("format." + format.celName(),
          newGlobalOverload(constructorOverloadId(format), NAMED_FORMAT)));
    }
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtime) {
    runtime.addFunctionBindings(
        CelFunctionBinding.from("format_named", String.class, NamedFormat::named),
        CelFunctionBinding.from("format_validate", NamedFormat.class, String.class, FormatLibrary::validate));
    for (NamedFormat format : NamedFormat.values()) {
      runtime.addFunctionBindings(CelFunctionBinding.from(constructorOverloadId(format), List.of(), args -> format));
    }
  }

  private static Optional<List<String>> validate(NamedFormat format, String value) {
    List<String> problems = format.validate(value);
    return problems.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(problems));
  }

  private static String constructorOverloadId(NamedFormat format) {
    return "format_" + format.celName();
  }
}
