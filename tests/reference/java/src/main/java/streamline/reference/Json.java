package streamline.reference;

/** A tiny JSON writer for the one summary line each program prints last on stdout. */
final class Json {
    private final StringBuilder sb = new StringBuilder("{");
    private boolean first = true;

    private Json key(String k) {
        if (!first) sb.append(',');
        first = false;
        sb.append(quote(k)).append(':');
        return this;
    }

    Json put(String k, long v) { key(k).sb.append(v); return this; }
    Json put(String k, boolean v) { key(k).sb.append(v); return this; }
    Json put(String k, String v) { key(k).sb.append(v == null ? "null" : quote(v)); return this; }
    /** A value that is already JSON (an array or a nested object). */
    Json raw(String k, String json) { key(k).sb.append(json); return this; }

    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                default -> {
                    if (c < 0x20) q.append(String.format("\\u%04x", (int) c)); else q.append(c);
                }
            }
        }
        return q.append('"').toString();
    }

    static String array(Iterable<?> items) {
        StringBuilder a = new StringBuilder("[");
        boolean f = true;
        for (Object o : items) {
            if (!f) a.append(',');
            f = false;
            a.append(o instanceof Number || o instanceof Boolean ? o.toString() : quote(String.valueOf(o)));
        }
        return a.append(']').toString();
    }

    @Override
    public String toString() { return sb + "}"; }
}
