package backprop.report;

/**
 * How wide a line of text is drawn, estimated without a font engine so that plots can leave room for
 * their labels. The widths are DejaVu Sans's advance widths (the default sans-serif face of most Linux
 * browsers and the widest of the faces the plots name); Arial, Helvetica and Liberation Sans are narrower
 * for every printable ASCII character, so a label given this much room fits in any of them.
 */
final class TextWidth {

    /** DejaVu Sans Book advance widths in thousandths of an em, characters 32 (space) to 126 (~). */
    private static final int[] REGULAR = {
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
        1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838};

    /** DejaVu Sans Bold advance widths in thousandths of an em, characters 32 to 126. */
    private static final int[] BOLD = {
        348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365,
        696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580,
        1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
        733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500,
        500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
        716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838};

    /** Any character outside printable ASCII (accents, symbols, CJK): a full em, the widest likely. */
    private static final int OTHER = 1000;

    private TextWidth() {
    }

    /**
     * @param text the text, on one line
     * @param size the font size in pixels
     * @param bold whether the text is bold
     * @return its width in pixels
     */
    static double of(String text, double size, boolean bold) {
        int[] widths = bold ? BOLD : REGULAR;
        long thousandths = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            thousandths += c >= 32 && c <= 126 ? widths[c - 32] : OTHER;
            i += Character.charCount(c);
        }
        return thousandths * size / 1000.0;
    }

    /**
     * @param text the text, on one line
     * @param size the font size in pixels
     * @return its width in pixels, regular weight
     */
    static double of(String text, double size) {
        return of(text, size, false);
    }

    /**
     * The text cut to fit {@code room} pixels, ending in "…" where it was cut.
     *
     * @param text the text
     * @param size the font size in pixels
     * @param room the room in pixels
     * @return the text, or as much of it as fits followed by "…"
     */
    static String fit(String text, double size, double room) {
        return fit(text, size, false, room);
    }

    /**
     * The text cut to fit {@code room} pixels, ending in "…" where it was cut.
     *
     * @param text the text
     * @param size the font size in pixels
     * @param bold whether the text is bold
     * @param room the room in pixels
     * @return the text, or as much of it as fits followed by "…"
     */
    static String fit(String text, double size, boolean bold, double room) {
        if (of(text, size, bold) <= room) {
            return text;
        }
        int end = text.length();
        while (end > 0 && of(text.substring(0, end) + "…", size, bold) > room) {
            end = end > 1 && Character.isLowSurrogate(text.charAt(end - 1)) ? end - 2 : end - 1;
        }
        return text.substring(0, end) + "…";
    }
}
