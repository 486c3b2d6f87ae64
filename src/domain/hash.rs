//! FNV-1a, 64 bits: the content hash of the rule set (computed by `build.rs`) and of a
//! result (see [`super::verify`]). A checksum against slips and casual edits, not a
//! cryptographic seal: nothing here proves who made a result (README, "Verifying").

/// The FNV-1a hash of `bytes`, continuing from `state` (start from [`START`]).
pub const fn fnv1a(mut state: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        state ^= bytes[i] as u64;
        state = state.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    state
}

/// FNV-1a's offset basis.
pub const START: u64 = 0xcbf2_9ce4_8422_2325;
