//! Hash and HMAC digests for `crypto`, on RustCrypto.

use hmac::{Hmac, Mac};
use sha2::Digest;

/// Digest of `data` with `algorithm` (Node's names), keyed as an HMAC when
/// `key` is given. `None` for an algorithm Node would refuse.
pub fn digest(algorithm: &str, data: &[u8], key: Option<&[u8]>) -> Option<Vec<u8>> {
    macro_rules! run {
        ($hash:ty) => {
            Some(match key {
                Some(key) => {
                    let mut mac = <Hmac<$hash>>::new_from_slice(key).expect("HMAC takes any key length");
                    mac.update(data);
                    mac.finalize().into_bytes().to_vec()
                }
                None => <$hash>::digest(data).to_vec(),
            })
        };
    }
    match algorithm {
        "md5" => run!(md5::Md5),
        "sha1" => run!(sha1::Sha1),
        "sha224" => run!(sha2::Sha224),
        "sha256" => run!(sha2::Sha256),
        "sha384" => run!(sha2::Sha384),
        "sha512" => run!(sha2::Sha512),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::digest;

    fn hex(bytes: Vec<u8>) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn known_digests() {
        assert_eq!(hex(digest("md5", b"abc", None).unwrap()), "900150983cd24fb0d6963f7d28e17f72");
        assert_eq!(hex(digest("sha256", b"abc", None).unwrap()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(
            hex(digest("sha256", b"The quick brown fox jumps over the lazy dog", Some(b"key")).unwrap()),
            "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
        );
        assert!(digest("whirlpool", b"", None).is_none());
    }
}
