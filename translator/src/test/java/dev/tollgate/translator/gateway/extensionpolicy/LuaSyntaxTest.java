package dev.tollgate.translator.gateway.extensionpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LuaSyntaxTest {

  @Test
  void validScripts_compile() {
    assertThat(LuaSyntax.problem("""
        function envoy_on_request(request_handle)
          local path = request_handle:headers():get(":path")
          if path:find("^/admin") then
            request_handle:respond({[":status"] = "403"}, "forbidden")
          end
        end
        function envoy_on_response(response_handle)
          response_handle:headers():add("x-lua", "1")
        end
        """)).isNull();
  }

  @Test
  void syntaxErrors_sayTheLine() {
    assertThat(LuaSyntax.problem("function envoy_on_request(h)\n  local x = = 1\nend\n")).startsWith("line 2: ");
    assertThat(LuaSyntax.problem("function envoy_on_request(h)\n  if true then\nend\n")).isEqualTo("line 4: 'end' expected (to close 'function' at line 1)");
    assertThat(LuaSyntax.problem("x = \"unterminated\n")).startsWith("line 1: ");
    assertThat(LuaSyntax.problem("10.0.0.1")).isEqualTo("not valid Lua (NumberFormatException: multiple points)");
  }

  @Test
  void theScriptIsNeverRun() {
    // Running it would raise an error (and loop forever); compiling it does neither.
    assertThat(LuaSyntax.problem("error('ran')\nwhile true do end\n")).isNull();
  }
}
