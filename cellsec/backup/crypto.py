"""Password encryption of a backup copy (AES-256-GCM, key from scrypt with a random salt).

File layout (`.cellsec.enc`), all of the header authenticated as associated data:
    magic "CELLSEC-ENC\\0" (12) | format 1 (1) | log2 N (1) | r (1) | p (1) | salt (16) |
    nonce (12) | ciphertext + 16-byte GCM tag
The KDF parameters live in the header so a later version can raise them and still read old
files. A header asking for more than this version writes (LOG2_N, R, P) is refused before any
key is derived: a crafted file must not cost gigabytes of memory per password tried.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

from cellsec.backup.errors import WRONG_PASSWORD, PasswordRequiredError, WrongPasswordError

# cryptography is imported inside the functions: it costs ~200 ms, and the app imports this
# package at start-up for the integrity check (encryption is needed only for USB copies).
from cellsec.errors import StorageError, ValidationError
from cellsec.store.fileops import SQLITE_MAGIC
from cellsec.text import nfc

MAGIC = b"CELLSEC-ENC\x00"
FORMAT = 1
ENC_SUFFIX = ".enc"
LOG2_N, R, P = 17, 8, 1  # scrypt: 128 MiB, about 0.4 s on a desktop PC
_HEADER = struct.Struct(f">{len(MAGIC)}sBBBB16s12s")
MAX_PLAIN = (1 << 31) - 1 - 16  # one AES-GCM message in `cryptography`
BLANK_PASSWORD = "Mật khẩu không được để trống hoặc chỉ có dấu cách: hãy đặt một mật khẩu có chữ hoặc số."


def is_encrypted(path: Path) -> bool:
    try:
        with Path(path).open("rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _key(password: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    # NFC: Vietnamese keyboards (Unikey, EVKey, phones) may send the same letters composed or
    # decomposed; the same password typed on another PC must give the same key.
    return Scrypt(salt=salt, length=32, n=1 << log2_n, r=r, p=p).derive(nfc(password).encode("utf-8"))


def _require(password: str | None, name: str) -> str:
    if not password:
        raise PasswordRequiredError(f"Tệp “{name}” được mã hóa: hãy nhập mật khẩu.")
    return password


def check_new_password(password: str | None) -> str:
    """A password for a new encrypted copy: not empty, not only spaces (ValidationError)."""
    if password is None or not password.strip():
        raise ValidationError(BLANK_PASSWORD, field="Mật khẩu", key="password")
    return password


def encrypt_bytes(plain: bytes, password: str, name: str = "") -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    password = check_new_password(password)
    if len(plain) > MAX_PLAIN:
        raise StorageError(f"Tệp “{name}” quá lớn để mã hóa.")
    salt, nonce = os.urandom(16), os.urandom(12)
    header = _HEADER.pack(MAGIC, FORMAT, LOG2_N, R, P, salt, nonce)
    return header + AESGCM(_key(password, salt, LOG2_N, R, P)).encrypt(nonce, plain, header)


def check_header(blob: bytes, name: str = "") -> tuple[int, int, int]:
    """The KDF parameters of an encrypted copy, refusing (StorageError) a file this version
    did not make: another format, or a key derivation dearer than ours (a damaged or crafted
    header must not make us allocate gigabytes). Asks for no password."""
    if len(blob) < _HEADER.size + 16:
        raise WrongPasswordError(f"Không mở được “{name}”: {WRONG_PASSWORD}.")
    magic, fmt, log2_n, r, p, _salt, _nonce = _HEADER.unpack_from(blob)
    if magic != MAGIC:
        raise StorageError(f"Tệp “{name}” không phải bản sao lưu mã hóa của CellSec.")
    if fmt != FORMAT:
        raise StorageError(f"Tệp “{name}” được mã hóa bởi phiên bản CellSec mới hơn. Hãy cập nhật CellSec.")
    if not (1 <= log2_n <= LOG2_N and 1 <= r <= R and 1 <= p <= P):
        raise StorageError(
            f"Tệp “{name}” có phần đầu bị hỏng hoặc không do CellSec tạo (thông "
            "số mã hóa lạ), nên CellSec không mở nó."
        )
    return log2_n, r, p


def decrypt_bytes(blob: bytes, password: str | None, name: str = "") -> bytes:
    """The plain data file, or WrongPasswordError("Mật khẩu không đúng hoặc tệp đã bị hỏng")."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    log2_n, r, p = check_header(blob, name)
    password = _require(password, name)
    wrong = WrongPasswordError(f"Không mở được “{name}”: {WRONG_PASSWORD}.")
    _magic, _fmt, _n, _r, _p, salt, nonce = _HEADER.unpack_from(blob)
    header = blob[: _HEADER.size]
    try:
        plain = AESGCM(_key(password, salt, log2_n, r, p)).decrypt(nonce, blob[_HEADER.size :], header)
    except InvalidTag:
        raise wrong from None
    if not plain.startswith(SQLITE_MAGIC):
        raise wrong
    return plain


def encrypt_file(src: Path, password: str) -> bytes:
    return encrypt_bytes(Path(src).read_bytes(), password, Path(src).name)


def read_encrypted(src: Path) -> bytes:
    """The bytes of an encrypted copy, refusing one too big to be ours before reading it."""
    src = Path(src)
    if src.stat().st_size > MAX_PLAIN + _HEADER.size + 16:
        raise StorageError(f"Tệp “{src.name}” quá lớn, không phải bản sao lưu mã hóa của CellSec.")
    return src.read_bytes()


def check_file_header(src: Path) -> None:
    """check_header for a file: a restore asks for the password only when this passes."""
    src = Path(src)
    with src.open("rb") as fh:
        check_header(fh.read(_HEADER.size + 16), src.name)


def decrypt_file(src: Path, password: str | None) -> bytes:
    return decrypt_bytes(read_encrypted(src), password, Path(src).name)
