package dev.tollgate.translator.admission.cel;

import static dev.cel.common.CelFunctionDecl.newFunctionDeclaration;
import static dev.cel.common.CelOverloadDecl.newMemberOverload;

import com.google.common.primitives.UnsignedLong;
import com.google.protobuf.Duration;
import com.google.protobuf.util.Durations;
import dev.cel.checker.CelCheckerBuilder;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.TypeParamType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime.CelFunctionBinding;
import dev.cel.runtime.CelRuntimeBuilder;
import java.util.List;
import java.util.OptionalInt;

/**
 * Kubernetes' list library: {@code isSorted}, {@code sum}, {@code min}, {@code max},
 * {@code indexOf} and {@code lastIndexOf}.
 *
 * <p>The API server declares one overload per element type (list(int), list(string), ...). Here
 * each function has one overload over list(A): with {@code self} dynamic, cel-java would find
 * every per-type overload matching a list at run time and report them as ambiguous. So a list of
 * maps passes type checking here and fails when evaluated, where the API server refuses it at
 * once; and {@code sum} of an empty list is the int 0 whatever the element type.
 */
final class ListsLibrary implements KubernetesCelLibrary {

  private static final TypeParamType ELEMENT = TypeParamType.create("A");
  private static final ListType LIST = ListType.create(ELEMENT);

  @Override
  public void setCheckerOptions(CelCheckerBuilder checker) {
    checker.addFunctionDeclarations(
        newFunctionDeclaration("isSorted", newMemberOverload("list_is_sorted", SimpleType.BOOL, LIST)),
        newFunctionDeclaration("sum", newMemberOverload("list_sum", ELEMENT, LIST)),
        newFunctionDeclaration("min", newMemberOverload("list_min", ELEMENT, LIST)),
        newFunctionDeclaration("max", newMemberOverload("list_max", ELEMENT, LIST)),
        newFunctionDeclaration("indexOf", newMemberOverload("list_index_of", SimpleType.INT, LIST, ELEMENT)),
        newFunctionDeclaration("lastIndexOf",
            newMemberOverload("list_last_index_of", SimpleType.INT, LIST, ELEMENT)));
  }

  @Override
  public void setRuntimeOptions(CelRuntimeBuilder runtime) {
    runtime.addFunctionBindings(
        CelFunctionBinding.from("list_is_sorted", List.class, ListsLibrary::isSorted),
        CelFunctionBinding.from("list_sum", List.class, ListsLibrary::sum),
        CelFunctionBinding.from("list_min", List.class, list -> extreme(list, "min", -1)),
        CelFunctionBinding.from("list_max", List.class, list -> extreme(list, "max", 1)),
        CelFunctionBinding.from("list_index_of", List.class, Object.class, (list, item) -> {
          for (int i = 0; i < list.size(); i++) {
            if (CelValues.equal(list.get(i), item)) {
              return (long) i;
            }
          }
          return -1L;
        }),
        CelFunctionBinding.from("list_last_index_of", List.class, Object.class, (list, item) -> {
          for (int i = list.size() - 1; i >= 0; i--) {
            if (CelValues.equal(list.get(i), item)) {
              return (long) i;
            }
          }
          return -1L;
        }));
  }

  /** False only when some element is ordered after the next one; unordered pairs are passed over. */
  private static boolean isSorted(List<?> list) throws CelEvaluationException {
    for (int i = 0; i < list.size(); i++) {
      requireOrderable(list.get(i), "isSorted");
      if (i > 0) {
        OptionalInt order = CelValues.compare(list.get(i - 1), list.get(i));
        if (order.isPresent() && order.getAsInt() > 0) {
          return false;
        }
      }
    }
    return true;
  }

  /** The element that no other is {@code wanted} of (-1: less than, 1: greater than); the first wins ties. */
  private static Object extreme(List<?> list, String function, int wanted) throws CelEvaluationException {
    if (list.isEmpty()) {
      throw EvaluationErrors.invalidArgument("%s called on empty list", function);
    }
    Object result = requireOrderable(list.get(0), function);
    for (Object element : list.subList(1, list.size())) {
      OptionalInt order = CelValues.compare(requireOrderable(element, function), result);
      if (order.isPresent() && Integer.signum(order.getAsInt()) == wanted) {
        result = element;
      }
    }
    return result;
  }

  /** Adds ints, uints, doubles or durations; mixing kinds or overflowing is an error, as in CEL. */
  private static Object sum(List<?> list) throws CelEvaluationException {
    if (list.isEmpty()) {
      return 0L;
    }
    Object total = list.get(0);
    requireSummable(total);
    for (Object element : list.subList(1, list.size())) {
      total = add(total, requireSummable(element));
    }
    return total;
  }

  private static Object add(Object total, Object element) throws CelEvaluationException {
    try {
      if (total instanceof Long a && element instanceof Long b) {
        return Math.addExact(a, b);
      }
      if (total instanceof Double a && element instanceof Double b) {
        return a + b;
      }
      if (total instanceof UnsignedLong a && element instanceof UnsignedLong b) {
        UnsignedLong sum = a.plus(b);
        if (sum.compareTo(a) < 0) {
          throw EvaluationErrors.overflow("unsigned integer overflow in sum");
        }
        return sum;
      }
      if (total instanceof Duration a && element instanceof Duration b) {
        return Durations.add(a, b);
      }
    } catch (ArithmeticException | IllegalArgumentException e) {
      throw EvaluationErrors.overflow("overflow in sum: %s", e.getMessage());
    }
    throw EvaluationErrors.invalidArgument("sum cannot add %s to %s", kind(element), kind(total));
  }

  private static Object requireSummable(Object value) throws CelEvaluationException {
    if (value instanceof Long || value instanceof Double || value instanceof UnsignedLong
        || value instanceof Duration) {
      return value;
    }
    throw EvaluationErrors.invalidArgument("sum is defined on numbers and durations, not %s", kind(value));
  }

  private static Object requireOrderable(Object value, String function) throws CelEvaluationException {
    if (CelValues.isOrderable(value)) {
      return value;
    }
    throw EvaluationErrors.invalidArgument("%s is defined on comparable values, not %s", function, kind(value));
  }

  private static String kind(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }
}
