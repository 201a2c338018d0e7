package org.gutsignal.spark;

import java.io.Serializable;
import org.gutsignal.cohort.Splitter;

/**
 * A {@link Splitter} that Spark can send to its executors, which split the (permuted) labels themselves. Write it as
 * a lambda that calls one of the core's {@link org.gutsignal.cohort.Splitters}:
 *
 * <pre>{@code
 * SerializableSplitter tenFoldFiveTimes = (labels, groups) -> Splitters.repeatedStratifiedKFold(10, 5, 42L)
 *         .split(labels, groups);
 * }</pre>
 *
 * It must be deterministic, as every core splitter is: the same labels and groups give the same splits.
 */
@FunctionalInterface
public interface SerializableSplitter extends Splitter, Serializable {
}
