/**
 * Reading and writing cohorts as delimited text: the first step of the pipeline,
 * {@code CSV/TSV files → FeatureTable (+ SampleMetadata) → Cohort}.
 *
 * <ul>
 *   <li>{@link org.gutsignal.io.FeatureTableReader}: samples-as-rows tables, HUMAnN gene-family /
 *       KO / pathway tables and MetaPhlAn profiles;
 *       {@link org.gutsignal.io.FeatureTableWriter} writes the first two layouts back.</li>
 *   <li>{@link org.gutsignal.io.BiomReader}: BIOM 1.0 (JSON) and 2.x (HDF5) tables, as written by
 *       QIIME and the {@code biom} tool.</li>
 *   <li>{@link org.gutsignal.io.MetadataReader} with a {@link org.gutsignal.io.ResponseMapping}
 *       (which label means responder); {@link org.gutsignal.io.MetadataWriter} writes the format
 *       {@link org.gutsignal.io.MetadataReader#gutsignal()} reads.</li>
 *   <li>{@link org.gutsignal.cohort.CohortFormatException}: every problem in a user's file, naming the
 *       file, the 1-based line and column and what was expected.</li>
 *   <li>{@link org.gutsignal.io.DelimitedText}: the one way gutsignal reads and writes delimited
 *       text (delimiter from the file name, UTF-8, number format, CSV dialect, errors that name line
 *       and cell), also used by {@code profile}, {@code report} and {@code synth}.</li>
 *   <li>{@link org.gutsignal.io.AtomicFiles}: every output file is written atomically.</li>
 * </ul>
 *
 * <p>Parsing uses Apache Commons CSV. Files are UTF-8 (a byte order mark is dropped); CR, LF and
 * CRLF line ends, quoted cells and a missing final newline are accepted. Every file is read
 * through gzip or bzip2 if its first bytes say it is compressed (Apache Commons Compress), and a
 * binary file (HDF5, an Excel workbook, anything with a NUL byte) is refused by what it is. Readers and writers
 * are immutable and thread-safe.
 */
package org.gutsignal.io;
