package org.accountsecurity.bench;

import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Comparator;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Builds an application object outside Spring for the micro-benchmarks from the given collaborators, whatever
 * its constructor looks like today (a new {@link MeterRegistry} parameter gets a simple registry), so the benchmarks
 * keep compiling while the application's constructors change.
 */
public final class Construct {

	private Construct() {
	}

	public static <T> T of(Class<T> type, Object... available) {
		Constructor<?>[] constructors = type.getDeclaredConstructors();
		Arrays.sort(constructors, Comparator.comparingInt((Constructor<?> c) -> c.getParameterCount()).reversed());
		for (Constructor<?> c : constructors) {
			Object[] args = new Object[c.getParameterCount()];
			boolean ok = true;
			Class<?>[] params = c.getParameterTypes();
			for (int i = 0; i < params.length && ok; i++) {
				args[i] = pick(params[i], available);
				ok = args[i] != null;
			}
			if (ok) {
				try {
					c.setAccessible(true);
					return type.cast(c.newInstance(args));
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException("Cannot build " + type.getName(), ex);
				}
			}
		}
		throw new IllegalStateException("No constructor of " + type.getName() + " fits " + Arrays.toString(available));
	}

	private static Object pick(Class<?> param, Object[] available) {
		for (Object a : available) {
			if (param.isInstance(a)) {
				return a;
			}
		}
		if (param == MeterRegistry.class) {
			return new SimpleMeterRegistry();
		}
		return null;
	}

}
