package dev.tollgate.translator.admission.cel;

import static dev.cel.common.CelFunctionDecl.newFunctionDeclaration;
import static dev.cel.common.CelOverloadDecl.newGlobalOverload;
import static dev.cel.common.CelOverloadDecl.newMemberOverload;
import static dev.tollgate.translator.admission.cel.EvaluationErrors.parsed;
import static dev.tollgate.translator.admission.cel.KubernetesCelTypes.QUANTITY;

import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelRuntime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;

/**
 * Kubernetes' quantity library: {@code isQuantity}, {@code quantity} and its members. The API
 * server declares {@code sign} as a global function ({@code sign(q)}); its documentation calls it
 * as a member ({@code q.sign()}), so both spellings are declared here.
 */
final class QuantityLibrary implements KubernetesCelLibrary {

  @Override
  public void setCheckerOptions(CelCheckerBuilder checker) {
    checker.addFunctionDeclarations(
        newFunctionDeclaration("quantity", newGlobalOverload("string_to_quantity", QUANTITY, SimpleType.STRING)),
        newFunctionDeclaration("isQuantity",
            newGlobalOverload("is_quantity_string", SimpleType.BOOL, SimpleType.STRING)),
        newFunctionDeclaration("sign",
            newGlobalOverload("quantity_sign", SimpleType.INT, QUANTITY),
            newMemberOverload("quantity_member_sign", SimpleType.INT, QUANTITY)),
        newFunctionDeclaration("isInteger", newMemberOverload("quantity_is_integer", SimpleType.BOOL, QUANTITY)),
        newFunctionDeclaration("asInteger", newMemberOverload("quantity_get_int", SimpleType.INT, QUANTITY)),
        newFunctionDeclaration("asApproximateFloat",
            newMemberOverload("quantity_get_float", SimpleType.DOUBLE, QUANTITY)),
        newFunctionDeclaration("add",
            newMemberOverload("quantity_add", QUANTITY, QUANTITY, QUANTITY),
            newMemberOverload("quantity_add_int", QUANTITY, QUANTITY, SimpleType.INT)),
        newFunctionDeclaration("sub",
            newMemberOverload("quantity_sub", QUANTITY, QUANTITY, QUANTITY),
            newMemberOverload("quantity_sub_int", QUANTITY, QUANTITY, SimpleType.INT)),
        newFunctionDeclaration("isGreaterThan",
            newMemberOverload("quantity_is_greater_than", SimpleType.BOOL, QUANTITY, QUANTITY)),
        newFunctionDeclaration("isLessThan",
            newMemberOverload("quantity_is_less_than", SimpleType.BOOL, QUANTITY, QUANTITY)),
        newFunctionDeclaration("compareTo",
            newMemberOverload("quantity_compare_to", SimpleType.INT, QUANTITY, QUANTITY)));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtime) {
    runtime.addFunctionBindings(
        CelFunctionBinding.from("string_to_quantity", String.class, text -> parsed(() -> QuantityParser.parse(text))),
        CelFunctionBinding.from("is_quantity_string", String.class, QuantityParser::isValid),
        CelFunctionBinding.from("quantity_sign", Quantity.class, quantity -> (long) quantity.sign()),
        CelFunctionBinding.from("quantity_member_sign", Quantity.class, quantity -> (long) quantity.sign()),
        CelFunctionBinding.from("quantity_is_integer", Quantity.class, quantity -> quantity.asInteger().isPresent()),
        CelFunctionBinding.from("quantity_get_int", Quantity.class, quantity -> quantity.asInteger()
            .orElseThrow(() -> EvaluationErrors.overflow("quantity %s cannot be converted to an integer", quantity))),
        CelFunctionBinding.from("quantity_get_float", Quantity.class, Quantity::asApproximateFloat),
        CelFunctionBinding.from("quantity_add", Quantity.class, Quantity.class, Quantity::add),
        CelFunctionBinding.from("quantity_add_int", Quantity.class, Long.class,
            (quantity, value) -> quantity.add(Quantity.ofInteger(value))),
        CelFunctionBinding.from("quantity_sub", Quantity.class, Quantity.class, Quantity::subtract),
        CelFunctionBinding.from("quantity_sub_int", Quantity.class, Long.class,
            (quantity, value) -> quantity.subtract(Quantity.ofInteger(value))),
        CelFunctionBinding.from("quantity_is_greater_than", Quantity.class, Quantity.class,
            (left, right) -> left.compareTo(right) > 0),
        CelFunctionBinding.from("quantity_is_less_than", Quantity.class, Quantity.class,
            (left, right) -> left.compareTo(right) < 0),
        CelFunctionBinding.from("quantity_compare_to", Quantity.class, Quantity.class,
            (left, right) -> (long) Integer.signum(left.compareTo(right))));
  }
}
