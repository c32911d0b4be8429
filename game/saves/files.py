"""Save files: TOML on disk, written atomically, verified by replay, never lost.

A save holds the campaign, the seed and the action log — the game itself is a replay of
the log — plus a snapshot (the state hash and a few facts for listing) so that loading can
prove the replay arrived where the player left off.

Format history:
  1  a bare log: campaign, seed and actions (what a person or a replay code can write)
  2  adds the game version, the packs with their digests, ironman, times and the snapshot
"""

from __future__ import annotations

import itertools
import os
import re
import threading
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from hashlib import blake2b
from pathlib import Path

import tomli_w
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game import __version__
from game.engine.actions import Action, action_from_dict
from game.engine.replay import ReplayError, replay
from game.engine.rules import door_counts
from game.engine.state import State, canonical, state_hash
from game.engine.world import World

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
        self.problem = problem
        self.advice = advice
        super().__init__(f"{self.path.name}: {problem}" + (f" {advice}" if advice else ""))


# --- the format ----------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PackRef(_Strict):
    id: str
    version: str
    digest: str


class Snapshot(_Strict):
    hash: str
    week: int = Field(ge=1)
    runway: int = Field(ge=0)
    steps: int = Field(ge=0)
    outcome: str = ""
    summary: str = ""


class SaveV2(_Strict):
    format: int
    game_version: str
    name: str
    created: str
    updated: str
    campaign: str
    seed: int
    ironman: bool = False
    packs: list[PackRef]
    snapshot: Snapshot
    actions: list[dict[str, str]] = []


class SaveV1(_Strict):
    format: int
    campaign: str
    seed: int
    actions: list[str] = []


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


@dataclass
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

    def to_toml(self) -> str:
        assert self.snapshot is not None
        data = {
            "format": FORMAT,
            "game_version": __version__,
            "name": self.name,
            "created": self.created,
            "updated": self.updated,
            "campaign": self.campaign,
            "seed": self.seed,
            "ironman": self.ironman,
            "packs": [p.model_dump() for p in self.packs],
            "snapshot": self.snapshot.model_dump(),
            "actions": [a.to_dict() for a in self.actions],
        }
        return tomli_w.dumps(data)


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
    renamed over the old one. The old version is first copied (the same way) to `.bak`.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if keep_backup and path.exists():
        _replace_with(path.with_name(path.name[: -len(SUFFIX)] + BACKUP_SUFFIX), path.read_bytes())
    _replace_with(path, text.encode("utf-8"))


_TMP_COUNTER = itertools.count()


def _replace_with(path: Path, data: bytes) -> None:
    # unique per process, thread and write, so two saves in flight never share a temporary file
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.{next(_TMP_COUNTER)}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:  # some platforms cannot open folders; the rename is still atomic
        return
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def save_game(folder: Path, state: State, name: str, ironman: bool = False) -> Path:
    """Save a game under `name` in `folder`, keeping the previous version as a backup."""
    name = check_name(name)
    path = folder / f"{name}{SUFFIX}"
    created = ""
    if path.exists():
        try:
            created = tomllib.loads(path.read_text("utf-8")).get("created", "")
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            created = ""
    save = Save.of(state, name, ironman=ironman, created=created if isinstance(created, str) else "")
    write_atomic(path, save.to_toml())
    return path


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
    v1 = SaveV1.model_validate(data)
    actions = []
    for i, text in enumerate(v1.actions, 1):
        try:
            actions.append(_parse_action_string(text))
        except ValueError as exc:
            raise SaveError(path, f"action {i} ({text!r}) can't be read: {exc}.",
                            "The file may have been edited by hand; fix that line or start a new game.") from None
    state = _replay(world, v1.campaign, v1.seed, actions, path)
    stamp = datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "format": 2,
        "game_version": "unknown",
        "name": path.name[: -len(SUFFIX)],
        "created": stamp,
        "updated": stamp,
        "campaign": v1.campaign,
        "seed": v1.seed,
        "ironman": False,
        "packs": [p.model_dump() for p in pack_refs(world)],
        "snapshot": snapshot_of(state).model_dump(),
        "actions": [a.to_dict() for a in actions],
    }


MIGRATIONS = {1: migrate_v1}  # format N -> N + 1, applied in a chain


@dataclass
class Loaded:
    """A save that loaded: the replayed state, its details, and anything worth telling."""

    path: Path
    save: Save
    state: State
    notes: list[str] = field(default_factory=list)


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
    """Read a save's TOML, refusing what is too big, not text, or not TOML."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SaveError(path, f"it can't be read ({exc.strerror}).") from None
    if size > MAX_SAVE_BYTES:
        raise SaveError(path, f"it is {size} bytes, far more than any save; it is not a Warm Intro save.")
    raw = path.read_bytes()
    if not raw.strip():
        raise SaveError(path, "the file is empty.", "It was probably cut off while being written; try its backup.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SaveError(path, "it is not text: the file is damaged.", _backup_advice(path)) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SaveError(path, f"it is damaged ({exc}).", _backup_advice(path)) from None


def _backup_advice(path: Path) -> str:
    backup = path.with_name(path.name[: -len(SUFFIX)] + BACKUP_SUFFIX)
    if backup.exists():
        return f"The previous version is kept in {backup.name}: rename it to {path.name} to use it."
    return "The file is left as it is."


def load_save(path: Path, world: World) -> Loaded:
    """Load and verify a save. Raises SaveError with what is wrong and what to do; never edits the file."""
    data = read_toml(path)
    version = data.get("format")
    if not isinstance(version, int):
        raise SaveError(path, "it has no format number, so it is not a Warm Intro save.")
    if version > FORMAT:
        raise SaveError(path, f"it was made by a newer version of Warm Intro (save format {version}; this game reads up to {FORMAT}).",
                        "Update the game to load it; the file is left untouched.")
    notes = []
    try:
        while version < FORMAT:
            if version not in MIGRATIONS:
                raise SaveError(path, f"save format {version} is too old to read.")
            data = MIGRATIONS[version](data, world, path)
            notes.append(f"Upgraded from save format {version}.")
            version = data["format"]
        model = SaveV2.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SaveError(path, f"it has been damaged or edited: {where}: {first['msg']}.", _backup_advice(path)) from None
    try:
        actions = [action_from_dict(a) for a in model.actions]
    except ValueError as exc:
        raise SaveError(path, f"it has been damaged or edited: {exc}.", _backup_advice(path)) from None
    ours = {p.id: p for p in pack_refs(world)}
    same_pack = all(p.id in ours and ours[p.id].digest == p.digest for p in model.packs)
    missing = [p.id for p in model.packs if p.id not in ours]
    if missing:
        raise SaveError(path, f"it was made with pack {', '.join(missing)!s}, which is not loaded.",
                        "Load the game with --pack pointing to that pack.")
    state = _replay(world, model.campaign, model.seed, actions, path)
    same_game = model.game_version == __version__
    if same_pack and same_game and state_hash(state) != model.snapshot.hash:
        raise SaveError(path, "the saved game doesn't match its own record: it has been edited or damaged.",
                        _backup_advice(path))
    if not same_pack:
        versions = ", ".join(f"{p.id} {p.version}" for p in model.packs)
        notes.append(f"The content changed since this was saved ({versions}); the game was replayed with the current pack.")
    elif not same_game:
        notes.append(f"Saved by Warm Intro {model.game_version}; replayed with this version ({__version__}).")
    save = Save(
        name=model.name, campaign=model.campaign, seed=model.seed, actions=actions, ironman=model.ironman,
        created=model.created, updated=model.updated, packs=model.packs, snapshot=model.snapshot,
    )
    return Loaded(path, save, state, notes)


# --- the folder ---------------------------------------------------------------------------------


@dataclass
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
    """Every save in the folder, newest first. A broken save is listed with its problem, never raised."""
    out = []
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        name = path.name[: -len(SUFFIX)]
        if name in RESERVED or path.name.startswith("."):
            continue
        try:
            data = read_toml(path)
            if data.get("format") == FORMAT:
                snap = data.get("snapshot") or {}
                out.append(Listing(path, str(data.get("name", name)), str(data.get("campaign", "")),
                                   int(snap.get("week", 0)), str(data.get("updated", "")), str(snap.get("summary", ""))))
            elif isinstance(data.get("format"), int) and data["format"] > FORMAT:
                out.append(Listing(path, name, error="made by a newer version of Warm Intro"))
            elif data.get("format") == 1:
                out.append(Listing(path, name, str(data.get("campaign", "")), summary="an older save; it will be upgraded on loading"))
            else:
                out.append(Listing(path, name, error="not a Warm Intro save"))
        except (SaveError, ValueError, TypeError, AttributeError) as exc:
            out.append(Listing(path, name, error=getattr(exc, "problem", str(exc))))
    out.sort(key=lambda item: (item.updated, item.name), reverse=True)
    return out


def find_save(folder: Path, name: str) -> Path:
    """The path of a save by name (with or without .toml); SaveError if there is none."""
    candidate = folder / (name if name.endswith(SUFFIX) else f"{name}{SUFFIX}")
    if candidate.exists():
        return candidate
    names = [item.name for item in list_saves(folder)]
    hint = f" Saves here: {', '.join(names)}." if names else " There are no saves in that folder yet."
    raise SaveError(candidate, f"there is no save called {name!r} in {folder}.", hint.strip())


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
