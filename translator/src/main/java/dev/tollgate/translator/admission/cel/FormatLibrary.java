package dev.tollgate.translator.admission.cel;

import static dev.cel.common.CelFunctionDecl.newFunctionDeclaration;
import static dev.cel.common.CelOverloadDecl.newGlobalOverload;
import static dev.cel.common.CelOverloadDecl.newMemberOverload;
import static dev.tollgate.translator.admission.cel.KubernetesCelTypes.NAMED_FORMAT;

import com.google.protobuf.NullValue;
import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.types.OptionalType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelRuntime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import java.util.List;

/**
 * Kubernetes' format library: {@code format.named(name)}, an optional format, and one
 * {@code format.<name>()} per format, each with {@code validate(string)}.
 *
 * <p>{@code validate} returns null for a valid value and the list of problems otherwise, so the
 * Gateway API's {@code format.dns1123Label().validate(self) == null} is true exactly for valid
 * names. The API server differs here: there {@code validate} returns {@code optional.none()} for a
 * valid value and {@code optional.of(problems)} otherwise, and CEL's {@code optional.none() ==
 * null} is false, so that same rule rejects every non-empty name; rules written with
 * {@code .hasValue()} or {@code .value()} on the result compile here but fail when evaluated. The
 * declared result type is dyn, as it is either null or a list.
 */
final class FormatLibrary implements KubernetesCelLibrary {

  @Override
  public void setCheckerOptions(CelCheckerBuilder checker) {
    checker.addFunctionDeclarations(
        newFunctionDeclaration("format.named",
            newGlobalOverload("format_named", OptionalType.create(NAMED_FORMAT), SimpleType.STRING)),
        newFunctionDeclaration("validate",
            newMemberOverload("format_validate", SimpleType.DYN, NAMED_FORMAT, SimpleType.STRING)));
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

  private static Object validate(NamedFormat format, String value) {
    List<String> problems = format.validate(value);
    return problems.isEmpty() ? NullValue.NULL_VALUE : List.copyOf(problems);
  }

  private static String constructorOverloadId(NamedFormat format) {
    return "format_" + format.celName();
  }
}
