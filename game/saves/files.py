"""Save files: TOML on disk, written atomically, verified by replay, never lost.

A save holds the campaign, the seed and the action log — the game itself is a replay of
the log — plus a snapshot (the state hash and a few facts for listing) so that loading can
prove the replay arrived where the player left off.

A save belongs to its file: a game loaded from X.toml saves back to X.toml, whatever name
is written inside it. Saving never destroys a game:
  - X.toml.bak holds the previous distinct version (saving the same game again leaves it be);
  - when the game being saved does not carry on the one in the file (after a rewind or an
    undo, or a new game from the same seed), the file's game is first kept as a branch,
    X-weekN.toml (N its week), so the longer game can still be loaded;
  - temporary files left by a writer that died mid-save are removed by the next save.

Format history:
  1  a bare log: campaign, seed and actions (what a person or a replay code can write)
  2  adds the game version, the packs with their digests, ironman, times and the snapshot
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import threading
import time
from dataclasses import asdict, field
from datetime import UTC, datetime
from hashlib import blake2b
from pathlib import Path
from typing import Any

import tomli_w

from game import __version__
from game.engine.actions import Action, action_from_dict
from game.engine.records import record
from game.engine.replay import ReplayError, replay
from game.engine.rules import door_counts
from game.engine.state import State, canonical, state_hash
from game.engine.world import World
from game.packs.guarded import Refused, Why, parse_toml, printable, read_bytes

FORMAT = 2
SUFFIX = ".toml"
BACKUP_SUFFIX = ".toml.bak"
MAX_SAVE_BYTES = 5_000_000
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$")
RESERVED = {"settings"}


class SaveError(Exception):
    """A save that cannot be used: what is wrong, and what the player can do about it."""

    def __init__(self, path: Path | str, problem: str, advice: str = ""):
        self.path = Path(path)
        # what a file says may be quoted in the problem: keep it safe to print
        self.problem = printable(problem, 1000)
        self.advice = advice
        super().__init__(f"{printable(self.path.name)}: {self.problem}" + (f" {advice}" if advice else ""))


# --- the format ----------------------------------------------------------------------------


@record(frozen=True)
class PackRef:
    """A pack a game was played with, and the digest of its content then."""

    id: str
    version: str
    digest: str


@record(frozen=True)
class Snapshot:
    """Where the game stood when it was saved: its hash, and the facts a listing shows."""

    hash: str
    week: int
    runway: int
    steps: int
    outcome: str = ""
    summary: str = ""


# A format-2 save as this game writes it: each field and its type. A save that is exactly
# that loads without the schema (game.saves.schema), whose import alone takes longer than
# the board's first frame; anything else goes to the schema, which judges and explains it.
_FIELDS: dict[str, type] = {
    "format": int, "game_version": str, "name": str, "created": str, "updated": str, "campaign": str,
    "seed": int, "ironman": bool, "packs": list, "snapshot": dict, "actions": list,
}
_OPTIONAL = {"ironman": False, "actions": []}
_PACK_FIELDS = {"id", "version", "digest"}
_SNAPSHOT_FIELDS: dict[str, type] = {"hash": str, "week": int, "runway": int, "steps": int, "outcome": str,
                                     "summary": str}
_SNAPSHOT_OPTIONAL = {"outcome": "", "summary": ""}
_SNAPSHOT_LEAST = {"week": 1, "runway": 0, "steps": 0}


def _as_written(data: dict) -> dict | None:
    """The save's table, with its defaults filled in, when it is exactly what this game
    writes: every field present with its own type (a bool is not an int here), numbers in
    range, nothing else. None otherwise, for the schema to judge. It never passes what the
    schema would refuse, nor reads anything differently (a test holds it to that)."""
    if not (data.keys() <= _FIELDS.keys() and data.keys() >= _FIELDS.keys() - _OPTIONAL.keys()):
        return None
    if any(type(value) is not _FIELDS[key] for key, value in data.items()):
        return None
    for pack in data["packs"]:
        if type(pack) is not dict or pack.keys() != _PACK_FIELDS or any(type(v) is not str for v in pack.values()):
            return None
    snapshot = data["snapshot"]
    if not (snapshot.keys() <= _SNAPSHOT_FIELDS.keys()
            and snapshot.keys() >= _SNAPSHOT_FIELDS.keys() - _SNAPSHOT_OPTIONAL.keys()):
        return None
    if any(type(value) is not _SNAPSHOT_FIELDS[key] for key, value in snapshot.items()):
        return None
    if any(snapshot[key] < least for key, least in _SNAPSHOT_LEAST.items()):
        return None
    for action in data.get("actions", ()):
        if type(action) is not dict or any(type(k) is not str or type(v) is not str for k, v in action.items()):
            return None
    return {**_OPTIONAL, **data, "snapshot": {**_SNAPSHOT_OPTIONAL, **snapshot}}


def _by_the_schema(data: dict, path: Path, version: int = FORMAT) -> dict:
    """The save's table as the schema of its format reads it, with its defaults filled in,
    or SaveError naming the first field that is wrong."""
    from game.saves import schema

    model = schema.SaveV1 if version == 1 else schema.SaveV2
    try:
        return model.model_validate(data).model_dump()
    except schema.ValidationError as exc:
        raise SaveError(path, f"it has been damaged or edited: {schema.first_error(exc)}.",
                        _backup_advice(path)) from None


# --- digests -----------------------------------------------------------------------------------


def world_digest(world: World) -> str:
    """A digest of a pack's content as the game sees it (comments and layout don't count)."""
    return blake2b(repr(canonical(world)).encode(), digest_size=12).hexdigest()


def pack_refs(world: World) -> list[PackRef]:
    """The packs a world was built from, with their digests (base packs first)."""
    packs = getattr(world, "packs", ())
    if packs:
        return [PackRef(id=pid, version=version, digest=digest) for pid, version, digest in packs]
    return [PackRef(id=world.pack_id, version=world.pack_version, digest=world_digest(world))]


# --- writing ------------------------------------------------------------------------------------


@record
class Save:
    """A game as it is saved: enough to replay it exactly."""

    name: str
    campaign: str
    seed: int
    actions: list[Action]
    ironman: bool = False
    created: str = ""
    updated: str = ""
    packs: list[PackRef] = field(default_factory=list)
    snapshot: Snapshot | None = None

    @staticmethod
    def of(state: State, name: str, ironman: bool = False, created: str = "") -> Save:
        actions = [node.action for node in state.history_nodes()]
        now = _now()
        return Save(
            name=name,
            campaign=state.campaign,
            seed=state.seed,
            actions=actions,
            ironman=ironman,
            created=created or now,
            updated=now,
            packs=pack_refs(state.world),
            snapshot=snapshot_of(state),
        )

    def to_dict(self) -> dict:
        """The save as the table its file holds."""
        assert self.snapshot is not None
        return {
            "format": FORMAT,
            "game_version": __version__,
            "name": self.name,
            "created": self.created,
            "updated": self.updated,
            "campaign": self.campaign,
            "seed": self.seed,
            "ironman": self.ironman,
            "packs": [asdict(p) for p in self.packs],
            "snapshot": asdict(self.snapshot),
            "actions": [a.to_dict() for a in self.actions],
        }

    def to_toml(self) -> str:
        return tomli_w.dumps(self.to_dict())


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def summary_line(state: State) -> str:
    """One line that tells a save apart in a list."""
    doors = door_counts(state)
    if state.outcome == "hired" and state.job:
        opp = state.world.opportunities[state.job]
        head = f"Hired: {opp.title}"
    elif state.outcome:
        head = "Savings ran out"
    else:
        head = f"Week {state.week}, {state.runway} weeks of savings left"
    bits = [f"{doors[d]} {d}" for d in ("advocate", "warm", "avoiding", "closed") if doors.get(d)]
    return head + (" · " + ", ".join(bits) if bits else "")


def snapshot_of(state: State) -> Snapshot:
    return Snapshot(
        hash=state_hash(state), week=state.week, runway=state.runway, steps=state.steps,
        outcome=state.outcome or "", summary=summary_line(state),
    )


def check_name(name: str) -> str:
    """A save name that is safe as a file name in the saves folder, or ValueError."""
    name = name.strip()
    if name.endswith(SUFFIX):
        name = name[: -len(SUFFIX)]
    if not NAME_RE.match(name) or name.lower() in RESERVED or ".." in name:
        raise ValueError(
            f"{name!r} can't be a save name: use letters, digits, spaces, '-', '_' or '.', up to 64 characters"
        )
    return name


def write_atomic(path: Path, text: str, keep_backup: bool = True) -> None:
    """Write a file so that a crash at any moment leaves the old or the new version whole.

    The new text goes to a temporary file in the same folder, is flushed and fsynced, then
    renamed over the old one. The old version, if it differs, is first copied (the same way)
    to `.bak`.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    if keep_backup:
        old = _old_bytes(path)
        if old is not None and old != data:
            _replace_with(_backup_of(path), old)
    _replace_with(path, data)


def _old_bytes(path: Path) -> bytes | None:
    try:
        return read_bytes(path, MAX_SAVE_BYTES)
    except Refused:
        return None


def _backup_of(path: Path) -> Path:
    return path.with_name(path.name[: -len(SUFFIX)] + BACKUP_SUFFIX)


_TMP_COUNTER = itertools.count()
# .NAME.toml.PID.TID.N.tmp (and the same for NAME.toml.bak): see _replace_with
_TMP_RE = re.compile(r"^\..+\.toml(?:\.bak)?\.(\d+)\.\d+\.\d+\.tmp$")


def _replace_with(path: Path, data: bytes) -> None:
    # unique per process, thread and write, so two saves in flight never share a temporary file
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.{next(_TMP_COUNTER)}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:  # some platforms cannot open folders; the rename is still atomic
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _writer_alive(pid: int, tmp: Path) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":  # no safe way to ask; a writer never takes a minute
        return time.time() - tmp.stat().st_mtime < 60
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process
        return True
    return True


def clean_temporary_files(folder: Path) -> None:
    """Remove the temporary files of writers that died mid-save (a kill, a power cut)."""
    try:
        names = [p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp")]
    except OSError:
        return
    for tmp in names:
        found = _TMP_RE.match(tmp.name)
        with contextlib.suppress(OSError):
            if found and not _writer_alive(int(found.group(1)), tmp):
                tmp.unlink()


@record
class Saved:
    """Where a game was saved, and where the game the file held before was kept, if anywhere."""

    path: Path
    branch: Path | None = None


def save_game(folder: Path, state: State, name: str, ironman: bool = False) -> Path:
    """Save a game under `name` in `folder` (see save_to)."""
    return save_to(folder / f"{check_name(name)}{SUFFIX}", state, ironman).path


def save_to(path: Path, state: State, ironman: bool = False) -> Saved:
    """Save a game to its file, keeping the previous version as a backup and, when the
    file holds a longer or different line of the same game, that game as a branch."""
    clean_temporary_files(path.parent)
    old = _old_save(path)
    created = old.get("created", "") if old else ""
    save = Save.of(state, path.name[: -len(SUFFIX)], ironman=ironman, created=created if isinstance(created, str) else "")
    new = save.to_dict()
    if old is not None and _same_game(old, new):
        return Saved(path)  # nothing has happened since the last save: the backup stays as it is
    branch = None
    if old is not None and _another_line(old, new):
        branch = _keep_branch(path, old)
    write_atomic(path, save.to_toml())
    return Saved(path, branch)


def _old_save(path: Path) -> dict | None:
    try:
        return read_toml(path)
    except SaveError:
        return None


def _same_game(old: dict, new: dict) -> bool:
    def game(data: dict) -> dict:
        return {k: v for k, v in data.items() if k not in ("created", "updated")}

    return game(old) == game(new)


def _another_line(old: dict, new: dict) -> bool:
    """True when the new game does not carry on the old one but is the same campaign and
    seed: the old game went somewhere the new one (rewound, undone) will not."""
    if (old.get("campaign"), old.get("seed")) != (new["campaign"], new["seed"]):
        return False
    before, now = old.get("actions"), new["actions"]
    return isinstance(before, list) and now[: len(before)] != before


def _keep_branch(path: Path, old: dict) -> Path:
    snapshot = old.get("snapshot")
    week = snapshot.get("week") if isinstance(snapshot, dict) else None
    stem = path.name[: -len(SUFFIX)] + (f"-week{week}" if isinstance(week, int) else "-earlier")
    raw = read_bytes(path, MAX_SAVE_BYTES)
    for n in itertools.count(1):
        branch = path.with_name(f"{stem}{'' if n == 1 else f'-{n}'}{SUFFIX}")
        if not os.path.lexists(branch):
            break
        if _old_bytes(branch) == raw:
            return branch
    _replace_with(branch, raw)
    return branch


# --- reading ------------------------------------------------------------------------------------


def _parse_action_string(text: str) -> Action:
    """Format 1 writes an action as 'name key=value ...' (what Action.label() prints)."""
    parts = text.split()
    if not parts:
        raise ValueError("empty action")
    data: dict[str, str] = {"action": parts[0]}
    for part in parts[1:]:
        key, sep, value = part.partition("=")
        if not sep:
            raise ValueError(f"expected key=value, got {part!r}")
        data[key] = value
    return action_from_dict(data)


def migrate_v1(data: dict, world: World, path: Path) -> dict:
    """Format 1 -> 2: replay the bare log to fill in the packs and the snapshot."""
    v1 = _by_the_schema(data, path, version=1)
    actions = []
    for i, text in enumerate(v1["actions"], 1):
        try:
            actions.append(_parse_action_string(text))
        except ValueError as exc:
            raise SaveError(path, f"action {i} ({text!r}) can't be read: {exc}.",
                            "The file may have been edited by hand; fix that line or start a new game.") from None
    state = _replay(world, v1["campaign"], v1["seed"], actions, path)
    stamp = datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "format": 2,
        "game_version": "unknown",
        "name": path.name[: -len(SUFFIX)],
        "created": stamp,
        "updated": stamp,
        "campaign": v1["campaign"],
        "seed": v1["seed"],
        "ironman": False,
        "packs": [asdict(p) for p in pack_refs(world)],
        "snapshot": asdict(snapshot_of(state)),
        "actions": [a.to_dict() for a in actions],
    }


MIGRATIONS = {1: migrate_v1}  # format N -> N + 1, applied in a chain


@record
class Loaded:
    """A save that loaded: the replayed state, its details, and anything worth telling."""

    path: Path
    save: Save
    state: State
    notes: list[str] = field(default_factory=list)
    # why the replay could not be checked against the save's own record ("" when it was)
    unverified: str = ""


def _replay(world: World, campaign: str, seed: int, actions: list[Action], path: Path) -> State:
    if campaign not in world.campaigns:
        raise SaveError(path, f"it is a game of campaign {campaign!r}, which pack {world.pack_id!r} does not have.",
                        "Play it with the pack it was made with (--pack).")
    try:
        return replay(world, campaign, seed, actions)
    except ReplayError as exc:
        raise SaveError(path, f"the game can't be replayed: {exc}",
                        "The pack or the file has changed since it was saved. The file is untouched; "
                        "start a new game, or play this one with the pack it was made with.") from None


def read_toml(path: Path) -> dict:
    """Read a save's TOML, refusing what is not a file, too big, not text, or not TOML."""
    try:
        raw = read_bytes(path, MAX_SAVE_BYTES)
        if not raw.strip():
            raise SaveError(path, "the file is empty.", "It was probably cut off while being written; try its backup.")
        return parse_toml(path, raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SaveError(path, "it is not text: the file is damaged.", _backup_advice(path)) from None
    except Refused as exc:
        if exc.why in (Why.NOT_TOML,):
            raise SaveError(path, f"it is damaged ({exc.problem}).", _backup_advice(path)) from None
        if exc.why == Why.TOO_BIG:
            raise SaveError(path, f"{exc.problem}, far more than any save; it is not a Warm Intro save.") from None
        raise SaveError(path, f"{exc.problem}.", "Only files can be saves; move it out of the saves folder.") from None


def made_with(path: Path) -> str | None:
    """The id of the pack a save was made with (the last it builds on), if the file says; SaveError if unreadable."""
    return pack_of(read_toml(path))


def pack_of(data: dict) -> str | None:
    """The id of the pack a save's table says it was made with (the last it builds on), if it says."""
    packs = data.get("packs")
    last = packs[-1] if isinstance(packs, list) and packs else None
    pack_id = last.get("id") if isinstance(last, dict) else None
    return pack_id if isinstance(pack_id, str) else None


def _backup_advice(path: Path) -> str:
    backup = _backup_of(path)
    if backup.is_file():
        return f"The previous version is kept in {backup.name}: rename it to {path.name} to use it."
    return "The file is left as it is."


def load_save(path: Path, world: World, data: dict | None = None) -> Loaded:
    """Load and verify a save. Raises SaveError with what is wrong and what to do; never edits the file.

    `data` is the file's table when it has just been read (read_toml), so it is not read twice.
    """
    if data is None:
        data = read_toml(path)
    version = data.get("format")
    if not isinstance(version, int):
        raise SaveError(path, "it has no format number, so it is not a Warm Intro save.")
    if version > FORMAT:
        raise SaveError(path, f"it was made by a newer version of Warm Intro (save format {version}; this game reads up to {FORMAT}).",
                        "Update the game to load it; the file is left untouched.")
    notes = []
    while version < FORMAT:
        if version not in MIGRATIONS:
            raise SaveError(path, f"save format {version} is too old to read.")
        data = MIGRATIONS[version](data, world, path)
        notes.append(f"Upgraded from save format {version}.")
        version = data["format"]
    table = _as_written(data)
    if table is None:
        table = _by_the_schema(data, path)
    try:
        actions = [action_from_dict(a) for a in table["actions"]]
    except ValueError as exc:
        raise SaveError(path, f"it has been damaged or edited: {exc}.", _backup_advice(path)) from None
    packs = [PackRef(**p) for p in table["packs"]]
    record = Snapshot(**table["snapshot"])
    ours = {p.id: p for p in pack_refs(world)}
    same_pack = all(p.id in ours and ours[p.id].digest == p.digest for p in packs)
    missing = [p.id for p in packs if p.id not in ours]
    if missing:
        raise SaveError(path, f"it was made with pack {', '.join(missing)!s}, which is not loaded.",
                        "Load the game with --pack pointing to that pack.")
    if len(actions) != record.steps:
        raise SaveError(path, f"its record says {record.steps} actions but the log holds {len(actions)}: "
                        "the log has been cut short or edited.", _backup_advice(path))
    state = _replay(world, table["campaign"], table["seed"], actions, path)
    unverified = ""
    if not same_pack:
        versions = ", ".join(f"{p.id} {p.version}" for p in packs)
        unverified = f"The content changed since this was saved ({versions}); the game was replayed with the current pack."
    elif table["game_version"] != __version__:
        unverified = f"Saved by Warm Intro {table['game_version']}; replayed with this version ({__version__})."
    elif notes:  # upgraded from format 1: its record was made by this very replay
        unverified = "An older save (format 1) has no record of where the game stood to check the replay against."
    else:
        _check_record(path, record, state)
    if unverified:
        notes.append(unverified)
    save = Save(
        name=table["name"], campaign=table["campaign"], seed=table["seed"], actions=actions,
        ironman=table["ironman"], created=table["created"], updated=table["updated"], packs=packs,
        snapshot=record,
    )
    return Loaded(path, save, state, notes, unverified)


def _check_record(path: Path, record: Snapshot, state: State) -> None:
    """The replay must arrive exactly where the save says the game stood: its hash, and each fact listed."""
    replayed = snapshot_of(state)
    if replayed.hash != record.hash:
        raise SaveError(path, "the saved game doesn't match its own record: it has been edited or damaged.",
                        _backup_advice(path))
    for fact in ("week", "runway", "steps", "outcome", "summary"):
        if getattr(replayed, fact) != getattr(record, fact):
            raise SaveError(path, f"the saved game doesn't match its own record: it says {fact} "
                            f"{getattr(record, fact)!r}, the replay gives {getattr(replayed, fact)!r}.",
                            _backup_advice(path))


# --- the folder ---------------------------------------------------------------------------------


@record
class Listing:
    """One entry of the saves folder: either readable details or the reason it is not."""

    path: Path
    name: str
    campaign: str = ""
    week: int = 0
    updated: str = ""
    summary: str = ""
    error: str = ""


def list_saves(folder: Path) -> list[Listing]:
    """Every save in the folder, newest first, by file name. A broken entry (damaged, not a
    file, hostile) is listed with its problem, never raised; text from the files is made
    safe to print."""
    try:
        paths = sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []
    except OSError:
        return []
    # a save that has not changed since it was last listed is not read again: what its listing
    # said is kept against the file's stamps, beside the pack cache (game.packs.cache.Stamps)
    from game.packs.cache import Stamps

    stamps = Stamps.read()
    out, places = [], set()
    for path in paths:
        name = path.name[: -len(SUFFIX)]
        if name in RESERVED or path.name.startswith("."):
            continue
        place = f"listing {path.resolve()}"
        places.add(place)
        campaign, week, updated, summary, error = stamps.worked_out(
            place, [path], lambda path=path, name=name: _listed(path, name), _listed_shape)
        out.append(Listing(path, printable(name), campaign, week, updated, summary, error))
    inside = f"listing {folder.resolve()}{os.sep}"
    stamps.forget([p for p in stamps.known if p.startswith(inside) and p not in places])
    stamps.write()
    out.sort(key=lambda item: (item.updated, item.name), reverse=True)
    return out


def _listed(path: Path, name: str) -> list[Any]:
    """A save's listing as kept with its stamps: [campaign, week, updated, summary, error]."""
    try:
        item = _listing(path, name, read_toml(path))
    except (SaveError, ValueError, TypeError, AttributeError) as exc:
        return ["", 0, "", "", printable(getattr(exc, "problem", str(exc)))]
    return [item.campaign, item.week, item.updated, item.summary, item.error]


def _listed_shape(kept: Any) -> bool:
    """A kept listing is used only as a listing would be: its texts already safe to print."""
    return (isinstance(kept, list) and len(kept) == 5 and type(kept[1]) is int
            and all(isinstance(kept[i], str) and printable(kept[i]) == kept[i] for i in (0, 2, 3, 4)))


def _listing(path: Path, name: str, data: dict) -> Listing:
    shown = printable(name)
    version = data.get("format")
    if version == FORMAT:
        snap = data.get("snapshot") or {}
        return Listing(path, shown, printable(str(data.get("campaign", ""))), int(snap.get("week", 0)),
                       printable(str(data.get("updated", ""))), printable(str(snap.get("summary", ""))))
    if isinstance(version, int) and version > FORMAT:
        return Listing(path, shown, error="made by a newer version of Warm Intro")
    if version == 1:
        return Listing(path, shown, printable(str(data.get("campaign", ""))),
                       summary="an older save; it will be upgraded on loading")
    return Listing(path, shown, error="not a Warm Intro save")


MAX_NAME_BYTES = 200  # well under any file system's limit on one name (255 bytes)


def find_save(folder: Path, name: str) -> Path:
    """The path of a save by name (with or without .toml), always inside `folder`; SaveError if there is none."""
    stem = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else name
    shown = printable(stem, 40)
    if not stem.strip() or len(stem.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES or any(c in stem for c in "/\\\0") or stem.startswith(".") \
            or Path(stem).is_absolute():
        raise SaveError(folder, f"{shown!r} is not the name of a save: give a name from "
                        "`warm-intro saves list`, without a folder or '..'.")
    candidate = folder / f"{stem}{SUFFIX}"
    if os.path.lexists(candidate):
        return candidate
    names = [item.name for item in list_saves(folder)]
    hint = f" Saves here: {', '.join(names)}." if names else " There are no saves in that folder yet."
    raise SaveError(candidate, f"there is no save called {shown!r} in {printable(str(folder))}.", hint.strip())


# --- undo and rewind: both are replays of a shorter log --------------------------------------


def undo(state: State) -> State:
    """The game as it was before its last action."""
    actions = [node.action for node in state.history_nodes()]
    if not actions:
        return state
    return replay(state.world, state.campaign, state.seed, actions[:-1])


def rewind_to_week(state: State, week: int) -> State:
    """The game as it stood at the start of `week`."""
    if week < 1 or week > state.week:
        raise ValueError(f"week {week} is not in this game (it is week {state.week})")
    kept = []
    for node in state.history_nodes():
        if node.week >= week:
            break
        kept.append(node.action)
    return replay(state.world, state.campaign, state.seed, kept)
