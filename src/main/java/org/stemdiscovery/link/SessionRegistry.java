package org.stemdiscovery.link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.stemdiscovery.experiment.ExperimentListener;

/**
 * The sessions of one server, by id, each behind its own lock (so requests to different sessions run at once and
 * requests to one session run one after another), each with a folder in the sessions folder.
 */
final class SessionRegistry implements AutoCloseable {

	private java.nio.channels.FileChannel lockChannel;
	private java.nio.channels.FileLock lock;
	private final ConcurrentMap<String, LinkSession> sessions = new ConcurrentHashMap<>();
	private final Path folder;
	private final Function<String, ExperimentListener> views;
	private final SecureRandom random = new SecureRandom();

	/** @param views a live view per session by id (it may answer null); called once when a session opens */
	SessionRegistry(Path folder, Function<String, ExperimentListener> views) {
		this.folder = folder;
		this.views = views;
	}

	/** Resumes every session in the folder; returns how many, by state. */
	List<SessionStatus> resumeAll() throws IOException {
		Files.createDirectories(folder);
		// One server per sessions folder: two (the command line's and Fiji's) would append to the same journals.
		lockChannel = java.nio.channels.FileChannel.open(folder.resolve(".lock"), java.nio.file.StandardOpenOption.CREATE,
			java.nio.file.StandardOpenOption.WRITE);
		java.nio.channels.FileLock l;
		try {
			l = lockChannel.tryLock();
		}
		catch (java.nio.channels.OverlappingFileLockException e) {
			l = null;
		}
		if (l == null) {
			lockChannel.close();
			lockChannel = null;
			throw new IOException("another microscope link serves " + folder + "; stop it or choose another sessions folder");
		}
		lock = l;
		List<Path> dirs;
		try (Stream<Path> s = Files.list(folder)) {
			dirs = s.filter(d -> Files.isRegularFile(d.resolve(Journal.FILE))).sorted().toList();
		}
		List<SessionStatus> out = new ArrayList<>();
		for (Path d : dirs) {
			String id = d.getFileName().toString();
			LinkSession s = LinkSession.resume(id, d, () -> views.apply(id));
			sessions.put(id, s);
			out.add(s.status());
		}
		return out;
	}

	LinkSession create(JsonBody body) {
		String id;
		Path dir;
		do {
			byte[] b = new byte[6];
			random.nextBytes(b);
			id = HexFormat.of().formatHex(b);
			dir = folder.resolve(id);
		}
		while (sessions.containsKey(id) || Files.exists(dir));
		String sid = id;
		LinkSession s = LinkSession.create(id, dir, body, () -> views.apply(sid));
		sessions.put(id, s);
		return s;
	}

	LinkSession get(String id) {
		LinkSession s = sessions.get(id);
		if (s == null) throw LinkException.notFound("no session '" + id + "' on this server; start one with POST " +
			"/v1/sessions");
		return s;
	}

	List<LinkSession> all() {
		return sessions.values().stream().sorted(java.util.Comparator.comparing(LinkSession::id)).toList();
	}

	int size() {
		return sessions.size();
	}

	@Override
	public void close() {
		for (LinkSession s : sessions.values())
			s.close();
		sessions.clear();
		try {
			if (lock != null) lock.release();
			if (lockChannel != null) lockChannel.close();
		}
		catch (IOException e) {
			// the lock goes with the process anyway
		}
		lock = null;
		lockChannel = null;
	}
}
