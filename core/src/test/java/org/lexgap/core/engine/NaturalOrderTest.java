package org.lexgap.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NaturalOrderTest {
    @Test
    void sectionsSortAsNumbered() {
        List<String> ids = new ArrayList<>(List.of("MY-ACT792-s10", "MY-ACT792-s5", "MY-ACT792-s12", "MY-ACT792-s4",
                "PH-RA9775-s4c", "PH-RA9775-s11", "PH-RA9775-s9", "PH-RA10175-s4c2"));
        ids.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("MY-ACT792-s4", "MY-ACT792-s5", "MY-ACT792-s10", "MY-ACT792-s12", "PH-RA9775-s4c",
                "PH-RA9775-s9", "PH-RA9775-s11", "PH-RA10175-s4c2"), ids);
    }
}
