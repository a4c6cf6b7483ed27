package dev.tollgate.translator.envoycel;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.expr.v1alpha1.ParsedExpr;
import dev.cel.common.CelProtoV1Alpha1AbstractSyntaxTree;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.parser.CelUnparserFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvoyCelTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "request.method == 'GET' && request.url_path.startsWith('/admin')",
      "request.headers['x-tenant'] in ['a', 'b']",
      "source.address == '10.0.0.1' || connection.mtls",
      "request.time.getHours('UTC') < 6 && request.size > 0",
      "has(request.headers.authorization)",
      "metadata.filter_metadata['envoy.filters.http.jwt_authn']['corp']['groups'].exists(g, g == 'admin')",
      "xds.route_name.endsWith('/admin') && destination.port == 10080",
      "connection.id > 0u && size(filter_state) >= 0"
  })
  void envoyAttributes_check_andRoundTripThroughEnvoysForm(String source) throws Exception {
    EnvoyCel.Result result = EnvoyCel.check(source);
    assertThat(result.problem()).isNull();
    // Envoy's form read back is the tree the source parses to, and converts to Envoy's form again unchanged.
    var back = CelProtoV1Alpha1AbstractSyntaxTree.fromParsedExpr(ParsedExpr.newBuilder().setExpr(result.expr()).build()).getAst();
    var direct = CelCompilerFactory.standardCelCompilerBuilder().setStandardMacros(CelStandardMacro.STANDARD_MACROS).build()
        .parse(source).getAst();
    assertThat(back.getExpr()).isEqualTo(direct.getExpr());
    assertThat(CelProtoV1Alpha1AbstractSyntaxTree.fromCelAst(back).getExpr()).isEqualTo(result.expr());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "request.method == \"GET\" && request.url_path.startsWith(\"/admin\")",
      "!(source.address == \"10.0.0.1\") || connection.mtls",
      "request.headers[\"x-tenant\"] in [\"a\", \"b\"]"
  })
  void envoysForm_unparsesToTheSource(String source) throws Exception {
    EnvoyCel.Result result = EnvoyCel.check(source);
    var back = CelProtoV1Alpha1AbstractSyntaxTree.fromParsedExpr(ParsedExpr.newBuilder().setExpr(result.expr()).build()).getAst();
    assertThat(CelUnparserFactory.newUnparser().unparse(back)).isEqualTo(source);
  }

  @Test
  void syntaxError_reportsLineAndColumn() {
    assertThat(EnvoyCel.check("request.method == 'GET' &&").problem()).startsWith("1:27: ");
    assertThat(EnvoyCel.check("request.method ==\n  'GET' ||| true").problem()).startsWith("2:");
  }

  @Test
  void unknownAttribute_isRefusedWhereItIsWritten() {
    assertThat(EnvoyCel.check("request.methd == 'GET'").problem()).isEqualTo("1:8: undefined field 'methd'");
    assertThat(EnvoyCel.check("requests.method == 'GET'").problem()).startsWith("1:1: undeclared reference to 'requests'");
  }

  @Test
  void attributesNotKnownWhenAuthorizing_areRefused() {
    assertThat(EnvoyCel.check("response.code == 200").problem()).contains("undeclared reference to 'response'");
    assertThat(EnvoyCel.check("upstream.address == '10.0.0.1'").problem()).contains("undeclared reference to 'upstream'");
  }

  @Test
  void wrongTypes_andNonBooleanResults_areRefused() {
    assertThat(EnvoyCel.check("source.port == 'http'").problem()).contains("found no matching overload for '_==_'");
    assertThat(EnvoyCel.check("request.path").problem()).isEqualTo("1:8: expected type 'bool' but found 'string'");
  }

  @Test
  void deepNesting_isRefused_neverACrash() {
    assertThat(EnvoyCel.check("(".repeat(2040) + "true" + ")".repeat(2040)).problem()).isNotNull();
    String longSum = "(" + "'a' + ".repeat(150) + "'a') == request.path";
    assertThat(EnvoyCel.check(longSum).problem()).isEqualTo("1:1: the expression is nested deeper than 100 levels");
    assertThat(EnvoyCel.check("(" + "'a' + ".repeat(50) + "'a') == request.path").problem()).isNull();
  }

  @Test
  void conjunctions_areBuiltAsTrees_withFreshIds() {
    var a = EnvoyCel.check("request.method == 'GET'").expr();
    var b = EnvoyCel.check("source.port > 1024").expr();
    var both = Conditions.and(java.util.List.of(a, Conditions.not(b), a));
    var back = CelProtoV1Alpha1AbstractSyntaxTree.fromParsedExpr(ParsedExpr.newBuilder().setExpr(both).build()).getAst();
    assertThat(CelUnparserFactory.newUnparser().unparse(back))
        .isEqualTo("request.method == \"GET\" && !(source.port > 1024) && request.method == \"GET\"");
    java.util.Set<Long> ids = new java.util.HashSet<>();
    collectIds(both, ids);
    assertThat(ids).hasSize(15);
  }

  private static void collectIds(com.google.api.expr.v1alpha1.Expr e, java.util.Set<Long> ids) {
    assertThat(ids.add(e.getId())).as("id %s used once", e.getId()).isTrue();
    if (e.hasCallExpr()) {
      e.getCallExpr().getArgsList().forEach(x -> collectIds(x, ids));
    } else if (e.hasSelectExpr()) {
      collectIds(e.getSelectExpr().getOperand(), ids);
    }
  }
}
