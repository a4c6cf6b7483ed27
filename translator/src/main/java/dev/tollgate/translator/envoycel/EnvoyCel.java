package dev.tollgate.translator.envoycel;

import com.google.api.expr.v1alpha1.Expr;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelProtoV1Alpha1AbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Envoy's CEL as authorization evaluates it: the standard functions and macros over Envoy's
 * request attributes. An expression is parsed and type-checked here, so a typo is reported with
 * its position before Envoy ever sees it, and handed on in the parsed form Envoy's RBAC filter
 * takes ({@code google.api.expr.v1alpha1.Expr}). Thread-safe.
 */
public final class EnvoyCel {

  private static final CelCompiler COMPILER = newCompiler();
  /**
   * Results of recent checks: a policy's expressions are checked when it is read and again for
   * each route the xDS stage configures with them.
   */
  private static final Map<String, Result> RECENT = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Result> eldest) {
      return size() > 512;
    }
  };
  /** Envoy evaluates expressions recursively too; deeper ones are refused here. */
  static final int MAX_DEPTH = 100;

  /** A checked expression in Envoy's form, or why it was refused ({@code line:column: message}). */
  public record Result(Expr expr, String problem) {
    public boolean ok() {
      return problem == null;
    }
  }

  private EnvoyCel() {}

  /** Parses and type-checks {@code source}; it must be a bool over Envoy's attributes. */
  public static Result check(String source) {
    synchronized (RECENT) {
      Result known = RECENT.get(source);
      if (known != null) {
        return known;
      }
    }
    Result result = checkUnlessTooDeep(source);
    synchronized (RECENT) {
      RECENT.put(source, result);
    }
    return result;
  }

  private static Result checkUnlessTooDeep(String source) {
    try {
      return checkOrThrow(source);
    } catch (StackOverflowError e) {
      // The parser recurses per nesting level; an expression this deep is refused, not a crash.
      return new Result(null, "1:1: the expression is nested too deeply");
    } catch (RuntimeException e) {
      // Whatever input makes the library fail is an expression Envoy could not take either.
      return new Result(null, "1:1: the expression could not be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static Result checkOrThrow(String source) {
    CelValidationResult parsed = COMPILER.parse(source);
    if (parsed.hasError()) {
      return new Result(null, describe(parsed));
    }
    CelAbstractSyntaxTree parsedAst;
    try {
      parsedAst = parsed.getAst();
      CelValidationResult checked = COMPILER.check(parsedAst);
      if (checked.hasError()) {
        return new Result(null, describe(checked));
      }
    } catch (CelValidationException e) {
      return new Result(null, e.getMessage());
    }
    // Envoy evaluates the parsed expression; the check above only proved it well typed.
    Expr expr = CelProtoV1Alpha1AbstractSyntaxTree.fromCelAst(parsedAst).getExpr();
    if (depth(expr) > MAX_DEPTH) {
      return new Result(null, "1:1: the expression is nested deeper than " + MAX_DEPTH + " levels");
    }
    return new Result(expr, null);
  }

  /** The nesting depth of an expression tree (macros count their expansion). */
  private static int depth(com.google.protobuf.Message m) {
    int deepest = 0;
    for (var entry : m.getAllFields().entrySet()) {
      if (entry.getKey().getJavaType() != com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      for (Object child : entry.getKey().isRepeated() ? (java.util.List<?>) entry.getValue() : java.util.List.of(entry.getValue())) {
        deepest = Math.max(deepest, depth((com.google.protobuf.Message) child));
      }
    }
    return (m instanceof Expr ? 1 : 0) + deepest;
  }

  private static String describe(CelValidationResult result) {
    return result.getErrors().stream().map(EnvoyCel::describe).distinct().collect(Collectors.joining("; "));
  }

  private static String describe(CelIssue issue) {
    return issue.getSourceLocation().getLine() + ":" + (issue.getSourceLocation().getColumn() + 1) + ": " + issue.getMessage();
  }

  private static CelCompiler newCompiler() {
    CelCompilerBuilder b = CelCompilerFactory.standardCelCompilerBuilder()
        .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
        .setTypeProvider(EnvoyAttributes.typeProvider())
        .setResultType(SimpleType.BOOL);
    EnvoyAttributes.VARIABLES.forEach(b::addVar);
    return b.build();
  }
}
