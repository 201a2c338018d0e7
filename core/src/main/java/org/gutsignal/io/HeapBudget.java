package org.gutsignal.io;

import java.io.IOException;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Stops a read early, with the heap it would need, when the table it is building will not fit:
 * a clear message after the first few megabytes instead of an {@link OutOfMemoryError} at a
 * random place later.
 *
 * <p>The projection: the rows kept so far, scaled by the file's size over the part of the file
 * read so far (compressed bytes for a compressed file, so the ratio holds for both), times what a
 * kept row costs while reading: its values twice (as read, then in the table) and a fixed
 * {@value #ROW_OVERHEAD} bytes for its name and bookkeeping. With a margin of {@value #MARGIN}×
 * it is compared with the heap that was free when the read began ({@code Runtime.maxMemory()}
 * minus the heap in use then), less a tenth of the heap that the collector keeps in reserve. (On
 * a 3 GiB table of 2.18 GiB of values, -Xmx5g ended in an {@link OutOfMemoryError} while the
 * table's array was allocated and -Xmx6g read it; this rule asks for 6g.) It is
 * checked each time the projected rows' own cost doubles, from {@value #FIRST_CHECK} bytes on, so
 * checking costs nothing measurable. Before refusing, a garbage collection is requested and the
 * free heap measured again, so that garbage left by earlier work does not refuse a read that
 * fits.
 *
 * <p>Not thread-safe: one read, one budget.
 */
final class HeapBudget {

    /** Bytes a kept row costs besides its values: its name, index entry, array header, list slot. */
    static final long ROW_OVERHEAD = 200;
    /**
     * The share of the heap not counted as usable: G1, the default collector, keeps 10 % of it in
     * reserve ({@code -XX:G1ReservePercent}), and a table's one large array needs contiguous space.
     */
    static final double RESERVE = 0.1;
    /** The projection is allowed to be this much too low (it was 1 % low on a 3 GiB table). */
    static final double MARGIN = 1.1;
    /** The values read (bytes) at which the first check is made. */
    static final long FIRST_CHECK = 16L << 20;

    private final String file;
    private final long fileSize;
    private final LongSupplier fileBytesRead;
    private final long maxHeap;
    private final LongSupplier freeHeap;
    private long available;
    private long nextCheck = FIRST_CHECK;

    HeapBudget(String file, long fileSize, LongSupplier fileBytesRead, long maxHeap, LongSupplier freeHeap) {
        this.file = file;
        this.fileSize = fileSize;
        this.fileBytesRead = fileBytesRead;
        this.maxHeap = maxHeap;
        this.freeHeap = freeHeap;
        this.available = freeHeap.getAsLong();
    }

    /** A budget for the read of {@code text} in this JVM's heap; one that never refuses for text already in memory. */
    static HeapBudget of(DelimitedText text) {
        FileBytes.Source source = text.source();
        if (source == null) {
            return new HeapBudget(text.fileName(), 0, () -> 0, Long.MAX_VALUE, () -> Long.MAX_VALUE);
        }
        Runtime rt = Runtime.getRuntime();
        return new HeapBudget(text.fileName(), source.fileSize(), source::fileBytesRead, rt.maxMemory(),
                () -> rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()));
    }

    /**
     * Called after each kept row.
     *
     * @param rows         rows kept so far
     * @param valuesPerRow numbers each kept row holds
     * @param what         what a row is, for the message ("feature rows", "samples")
     * @param width        what the other dimension is, for the message ("× 12 samples")
     * @throws IOException naming the file, the projected size and the {@code -Xmx} to use, if the
     *                     projected table does not fit in the heap that is free
     */
    void rowKept(long rows, long valuesPerRow, String what, String width) throws IOException {
        long rowBytes = 16 * valuesPerRow + ROW_OVERHEAD;
        if (rows * rowBytes < nextCheck) {
            return;
        }
        nextCheck = 2 * rows * rowBytes;
        long read = fileBytesRead.getAsLong();
        if (read <= 0) {
            return;
        }
        double projectedRows = rows * (double) fileSize / read;
        double needed = projectedRows * rowBytes;
        if (needed * MARGIN <= usable(available)) {
            return;
        }
        System.gc(); // only on the verge of refusing: garbage from earlier work must not refuse the read
        available = Math.max(available, freeHeap.getAsLong());
        if (needed * MARGIN <= usable(available)) {
            return;
        }
        long used = maxHeap - available;
        long suggest = (long) Math.ceil((needed * MARGIN + used) / (1 - RESERVE) / (1L << 30));
        throw new IOException(String.format(Locale.ROOT, "%s: this table needs about %s of heap while it is read "
                + "(with a 10%% margin; about %,.0f %s %s, projected from the %,d %s in the first %s of the file's %s) but only %s is "
                + "usable (%s free, less the tenth of the heap the garbage collector keeps in reserve): run Java "
                + "with -Xmx%dg or more (the gutsignal command: GUTSIGNAL_JAVA_OPTS=-Xmx%dg), or split the table",
                file, size(needed * MARGIN), projectedRows, what, width, rows, what, size(read), size(fileSize),
                size(Math.max(0, usable(available))), size(Math.max(0, available)), Math.max(1, suggest),
                Math.max(1, suggest)));
    }

    private double usable(long free) {
        return free - RESERVE * maxHeap;
    }

    static String size(double bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30))
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (1L << 20));
    }
}
