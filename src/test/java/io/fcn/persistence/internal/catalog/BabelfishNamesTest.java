package io.fcn.persistence.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The index names Babelfish shows, from names seen on Babelfish 4.2, and the way back to the declared ones. */
class BabelfishNamesTest {

    private static final String SHOWN_LONG = "ix_fcn_template_spec_version_idac18aec860525937f694522651abe997";

    @Test
    void aLongNameIsTruncatedTo31CharactersPlusTheMd5OfTheWhole() {
        assertEquals(SHOWN_LONG, BabelfishNames.shownIndexName("ix_fcn_template_spec_version_id", "fcn_template"));
    }

    @Test
    void aShortNameIsDeclaredNameTableAndMd5OfTheDeclaredName() {
        assertEquals("ix_t1_bt16361a7ed6ac78b0f09673481945b2a19", BabelfishNames.shownIndexName("ix_t1_b", "t1"));
    }

    @Test
    void namesAreFoldedToLowerCaseFirst() {
        assertEquals("ix_mixed_idmixedcasea0f43b9f13b413e829dc8e885e52c209",
                BabelfishNames.shownIndexName("IX_Mixed_ID", "MixedCase"));
    }

    @Test
    void aShownNameMapsBackToTheKnownNameOfItsTable() {
        BabelfishNames names = new BabelfishNames(List.of("ix_fcn_template_status_id",
                "ix_fcn_template_spec_version_id"));

        assertEquals("ix_fcn_template_spec_version_id", names.declaredIndexName(SHOWN_LONG, "fcn_template"));
        // The same shown name belongs to no known index of another table.
        assertEquals(SHOWN_LONG, names.declaredIndexName(SHOWN_LONG, "fcn_trade"));
    }

    @Test
    void aNameMatchingNoKnownNameStaysAsShown() {
        BabelfishNames names = new BabelfishNames(List.of("ix_fcn_template_status_id"));
        String byHand = BabelfishNames.shownIndexName("ix_by_hand", "fcn_template");

        assertEquals(byHand, names.declaredIndexName(byHand, "fcn_template"));
        assertEquals(SHOWN_LONG, new BabelfishNames(List.of()).declaredIndexName(SHOWN_LONG, "fcn_template"));
    }
}
