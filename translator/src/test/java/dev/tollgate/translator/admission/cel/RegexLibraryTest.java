package dev.tollgate.translator.admission.cel;

import static dev.tollgate.translator.admission.cel.CelEvaluation.assertEvaluationError;
import static dev.tollgate.translator.admission.cel.CelEvaluation.eval;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegexLibraryTest {

  @Test
  void find_returnsTheFirstMatchOrEmpty() {
    assertThat(eval("'abc 123'.find('[0-9]+')")).isEqualTo("123");
    assertThat(eval("'abc 123'.find('xyz')")).isEqualTo("");
    assertThat(eval("'abc 123'.find('[a-z]*')")).isEqualTo("abc");
  }

  @Test
  void find_starPatternMatchesEmptyAtTheStart_asGoDoes() {
    // The library's documentation says '123'; Go's FindString, which the API server runs, gives ''.
    assertThat(eval("'abc 123'.find('[0-9]*')")).isEqualTo("");
  }

  @Test
  void findAll_returnsEveryMatch() {
    assertThat(eval("'123 abc 456'.findAll('[0-9]+')")).isEqualTo(List.of("123", "456"));
    assertThat(eval("'123 abc 456'.findAll('[0-9]+', 1)")).isEqualTo(List.of("123"));
    assertThat(eval("'123 abc 456'.findAll('xyz')")).isEqualTo(List.of());
    assertThat(eval("'a1b2'.findAll('[0-9]', 0)")).isEqualTo(List.of());
    assertThat(eval("'a1b2'.findAll('[0-9]', -1)")).isEqualTo(List.of("1", "2"));
  }

  @Test
  void findAll_emptyMatchesFollowGo() {
    // Go skips an empty match that adjoins the previous match, and reports the others.
    assertThat(eval("'123 abc 456'.findAll('[0-9]*')")).isEqualTo(List.of("123", "", "", "", "", "456"));
    assertThat(eval("'baaab'.findAll('a*')")).isEqualTo(List.of("", "aaa", ""));
    assertThat(eval("''.findAll('a*')")).isEqualTo(List.of(""));
  }

  @Test
  void findAll_numbersInAString_canBeSummed() {
    assertThat(eval("'1, 2, 3, 4'.findAll('[0-9]+').map(x, int(x)).sum() < 100")).isEqualTo(true);
  }

  @Test
  void findAll_anchorsSeeTheWholeString() {
    assertThat(eval("'aaa'.findAll('^a')")).isEqualTo(List.of("a"));
    assertThat(eval("'ab ab'.findAll('\\\\bab')")).isEqualTo(List.of("ab", "ab"));
  }

  @Test
  void find_invalidRegex_isEvaluationError() {
    assertEvaluationError("'abc'.find('(')").hasMessageContaining("Illegal regex");
    assertEvaluationError("'abc'.findAll('[a-')").hasMessageContaining("Illegal regex");
    assertEvaluationError("'abc'.find('(?=a)')");
  }
}
