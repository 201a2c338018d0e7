package org.gutsignal.report;

import java.io.IOException;
import java.nio.file.Path;
import org.gutsignal.io.AtomicFiles;

/**
 * A rendered figure: PNG bytes with their size in pixels. Made by {@link Plots}; written to a file
 * with {@link #write(Path)} or embedded in an {@link HtmlReport}:
 * <pre>{@code
 * Plot forest = Plots.withDefaults().forest("AUROC by site", cv.aurocByGroup());
 * forest.write(Path.of("out/auroc_by_site.png"));
 * HtmlReport.titled("Sites").image("AUROC by site", forest).write(Path.of("out/report.html"));
 * }</pre>
 *
 * <p>Immutable and thread-safe: {@link #png()} returns a copy.
 */
public final class Plot {

    private final byte[] png;
    private final int width;
    private final int height;

    Plot(byte[] png, int width, int height) {
        this.png = png;
        this.width = width;
        this.height = height;
    }

    /** A copy of the PNG bytes. */
    public byte[] png() {
        return png.clone();
    }

    /** The image width in pixels. */
    public int width() {
        return width;
    }

    /** The image height in pixels. */
    public int height() {
        return height;
    }

    /**
     * Writes the PNG to {@code file} atomically (via {@link AtomicFiles}), creating parent folders.
     *
     * @throws IOException if the file cannot be written
     */
    public void write(Path file) throws IOException {
        AtomicFiles.writeBytes(file, out -> out.write(png));
    }
}
