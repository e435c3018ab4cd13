package io.sysrisk.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The request's date reader accepts and refuses exactly what {@link LocalDate#parse} does. */
class IsoDateTest {

    @Test
    void theDigitByDigitReadAgreesWithTheFormatter() {
        for (String ok : List.of("2020-01-02", "1999-12-31", "2024-02-29", "0000-01-01", "9999-12-31", "+12345-01-01")) {
            assertEquals(LocalDate.parse(ok), RequestParser.iso(ok), ok);
        }
        for (String bad : List.of("2021-02-29", "2020-13-01", "2020-00-10", "2020-01-32", "2020-1-02", "2020/01/02",
                "20a0-01-02", "2020-01-0x", "", "2020-01-02 ", "-020-01-02", "２０２０-01-02")) {
            assertThrows(DateTimeParseException.class, () -> LocalDate.parse(bad), bad);
            assertThrows(DateTimeParseException.class, () -> RequestParser.iso(bad), bad);
        }
    }
}
