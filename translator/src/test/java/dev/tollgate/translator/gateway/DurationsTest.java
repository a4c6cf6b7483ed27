package dev.tollgate.translator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({"0s, 0", "10s, 10000", "500ms, 500", "1h30m, 5400000", "1h2m3s4ms, 3723004", "99999ms, 99999"})
  void toMillis_acceptsGep2257Durations(String value, long millis) {
    assertThat(Durations.toMillis(value)).isEqualTo(millis);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5s", "10", "1d", "-1s", "100000s", "1h1h1h1h1h", ""})
  void toMillis_rejectsOtherSpellings(String value) {
    assertThatThrownBy(() -> Durations.toMillis(value)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid duration");
  }
}
