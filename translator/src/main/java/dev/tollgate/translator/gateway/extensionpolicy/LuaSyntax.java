package dev.tollgate.translator.gateway.extensionpolicy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.compiler.LuaC;

/**
 * Finds syntax errors in a Lua script by compiling it with luaj, which is never asked to run it.
 * luaj reads Lua 5.2 and Envoy runs LuaJIT (Lua 5.1 with extensions): the syntax they share is
 * checked, nothing about what the script does at run time.
 */
final class LuaSyntax {

  private static final String CHUNK = "script";

  private LuaSyntax() {}

  /** Null when the script compiles, else {@code line N: message}. */
  static String problem(String source) {
    try {
      LuaC.instance.compile(new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8)), CHUNK);
      return null;
    } catch (LuaError e) {
      return describe(e.getMessage());
    } catch (RuntimeException e) {
      // luaj's lexer lets some malformed input escape as other exceptions (a number such as
      // 10.0.0.1 as NumberFormatException); it is still a script that does not compile.
      return "not valid Lua (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    } catch (IOException e) {
      return e.getMessage();
    } catch (StackOverflowError e) {
      return "the script is nested too deeply";
    }
  }

  /** luaj says {@code [string "script"]:3: unexpected symbol ...}; the chunk name is noise. */
  private static String describe(String message) {
    String prefix = "[string \"" + CHUNK + "\"]:";
    if (message != null && message.startsWith(prefix)) {
      String rest = message.substring(prefix.length());
      int colon = rest.indexOf(':');
      if (colon > 0 && rest.substring(0, colon).chars().allMatch(Character::isDigit)) {
        return "line " + rest.substring(0, colon) + ":" + rest.substring(colon + 1);
      }
    }
    return message;
  }
}
