package dev.tollgate.translator.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import dev.tollgate.translator.ir.MatchIr;
import dev.tollgate.translator.model.gatewayapi.GrpcRoute;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrpcMethodMatchTest {

  private static Pattern regex(String service, String method) {
    RouteProblems problems = new RouteProblems(List.of("r"));
    problems.inRule(0);
    MatchIr ir = MatchTranslator.grpc(new GrpcRoute.Match(new GrpcRoute.MethodMatch("RegularExpression", service, method), null),
        "spec.rules[0].matches[0]", problems);
    assertThat(problems.count()).isZero();
    // Envoy's safe_regex matches the whole path.
    return Pattern.compile(ir.path().value());
  }

  @Test
  void anAlternationInTheService_staysInTheServiceSegment() {
    Pattern p = regex("a\\.A|b\\.B", "Get");
    assertThat(p.matches("/a.A/Get")).isTrue();
    assertThat(p.matches("/b.B/Get")).isTrue();
    assertThat(p.matches("/a.A/Other")).as("the method still applies to the first alternative").isFalse();
  }

  @Test
  void anAlternationInTheMethod_staysInTheMethodSegment() {
    Pattern p = regex("svc\\.S", "Get|List");
    assertThat(p.matches("/svc.S/List")).isTrue();
    assertThat(p.matches("/other.S/List")).as("the service still applies to the second alternative").isFalse();
  }
}
