package org.gutsignal.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The child JVM of {@link AtomicFilesTest#aKilledWriteLeavesTheOldOrTheNewFileNeverAPart}:
 * {@code KilledWriter <target> <bytes> pause} writes generation 1 up to half and then waits to be
 * killed; {@code ... loop} writes generations 1, 2, … until it is killed. It prints {@code ready}
 * once the kill may come.
 */
public final class KilledWriter {

    private KilledWriter() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path target = Path.of(args[0]);
        int bytes = Integer.parseInt(args[1]);
        if (args[2].equals("pause")) {
            AtomicFiles.writeBytes(target, out -> {
                AtomicFilesTest.writeGeneration(out, 1, bytes, bytes / 2);
                out.flush();
                System.out.println("ready");
                System.out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return;
        }
        for (int g = 1; ; g++) {
            int gen = g;
            AtomicFiles.writeBytes(target, out -> AtomicFilesTest.writeGeneration(out, gen, bytes, bytes));
            if (g == 1) {
                System.out.println("ready");
                System.out.flush();
            }
        }
    }
}
