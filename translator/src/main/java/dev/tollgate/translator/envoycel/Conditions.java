package dev.tollgate.translator.envoycel;

import com.google.api.expr.v1alpha1.Expr;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;

/**
 * Conditions in Envoy's parsed-expression form built from checked ones: a conjunction of
 * expressions and negations. Built as trees rather than re-parsed text, so a combination is never
 * refused for its length or depth; every node gets a fresh id, as a parsed expression has.
 * Hand-written: CEL's libraries compose their own AST types, not this protobuf form.
 */
public final class Conditions {

  private Conditions() {}

  /** {@code !e}. */
  public static Expr not(Expr e) {
    return call("!_", List.of(e));
  }

  /** {@code a && b && ...}, or the one expression itself; ids renumbered from 1. */
  public static Expr and(List<Expr> conjuncts) {
    Expr out = conjuncts.get(0);
    for (Expr next : conjuncts.subList(1, conjuncts.size())) {
      out = call("_&&_", List.of(out, next));
    }
    return renumber(out);
  }

  private static Expr call(String function, List<Expr> args) {
    return Expr.newBuilder().setCallExpr(Expr.Call.newBuilder().setFunction(function).addAllArgs(args)).build();
  }

  /** The expression with every node's id replaced, depth first, counting from 1. */
  static Expr renumber(Expr e) {
    return (Expr) renumber(e, new long[] {1});
  }

  private static Message renumber(Message m, long[] next) {
    Message.Builder b = m.toBuilder();
    if (m instanceof Expr) {
      ((Expr.Builder) b).setId(next[0]++);
    }
    for (var entry : m.getAllFields().entrySet()) {
      FieldDescriptor field = entry.getKey();
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (field.isRepeated()) {
        List<?> values = (List<?>) entry.getValue();
        for (int i = 0; i < values.size(); i++) {
          b.setRepeatedField(field, i, renumber((Message) values.get(i), next));
        }
      } else {
        b.setField(field, renumber((Message) entry.getValue(), next));
      }
    }
    return b.build();
  }
}
