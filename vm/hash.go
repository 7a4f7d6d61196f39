package vm

import (
	"encoding/binary"
	"hash/maphash"
	"math/bits"
	"unsafe"
)

// Hashing of table keys.
//
// Hash values only decide which bucket chain a key sits in; they never decide
// iteration order (a table iterates its hash part in insertion order), the
// sizes a table grows to, or the memory it charges. So the seed can be random
// per process, which keeps scripts from precomputing colliding keys, without
// making any observable behaviour (order, fuel, memory) differ between runs.
//
// A table caches the 32-bit hash of every key it holds, so growing a table
// never rehashes a key. Hashes of constant strings can be computed once with
// hashString and passed to GetStrH/SetStrH.

var (
	strSeed = maphash.MakeSeed()
	// secret words derived from the process seed.
	mixKey  = maphash.String(strSeed, "moonfuel/table") | 1
	strKey0 = maphash.String(strSeed, "moonfuel/string/0")
	strKey1 = maphash.String(strSeed, "moonfuel/string/1")
)

// hashString returns the hash of a string key (its content, not its
// address). Strings of up to 16 bytes, the usual field names, are hashed
// here from at most two loads; longer ones by hash/maphash.
func hashString(s string) uint64 {
	n := len(s)
	var a, b uint64
	switch {
	case n == 0:
		return strKey0
	case n < 4:
		a = uint64(s[0])<<16 | uint64(s[n>>1])<<8 | uint64(s[n-1])
	case n <= 8:
		p := unsafe.StringData(s)
		a = uint64(load32(p))
		b = uint64(load32((*byte)(unsafe.Add(unsafe.Pointer(p), n-4))))
	case n <= 16:
		p := unsafe.StringData(s)
		a = load64(p)
		b = load64((*byte)(unsafe.Add(unsafe.Pointer(p), n-8)))
	default:
		return maphash.String(strSeed, s)
	}
	hi, lo := bits.Mul64(a^strKey0, b^strKey1^uint64(n))
	return hi ^ lo
}

// load32 and load64 read little-endian words (the byte order only changes
// which bucket a key lands in, never behaviour).
func load32(p *byte) uint32 { return binary.LittleEndian.Uint32(unsafe.Slice(p, 4)) }
func load64(p *byte) uint64 { return binary.LittleEndian.Uint64(unsafe.Slice(p, 8)) }

// mix spreads the bits of x over the whole word: a full 64x64→128-bit product
// with a seeded odd multiplier, folded. The low bits of the result depend on
// every input bit, so keys that differ only in their high bits (i<<40, ...)
// still land in different buckets of a small table.
func mix(x uint64) uint32 {
	hi, lo := bits.Mul64(x^0x243f6a8885a308d3, mixKey)
	return uint32(hi ^ lo)
}

// salts separating the key kinds that share a payload word.
const (
	floatSalt = 0x6a09e667f3bcc908
	boolSalt  = 0xbb67ae8584caa73b
	ptrSalt   = 0x3c6ef372fe94f82b
)

func hashInt(i int64) uint32        { return mix(uint64(i)) }
func hashFloatBits(b uint64) uint32 { return mix(b ^ floatSalt) }
func hashPtr(p unsafe.Pointer) uint32 {
	return mix(uint64(uintptr(p)) ^ ptrSalt)
}

// keyHash returns the cached hash of a normalised, non-nil key: integers
// (including integral floats, already converted), non-integral floats,
// booleans, strings by content, other references by identity.
func keyHash(k Value) uint32 {
	switch k.p {
	case unsafe.Pointer(&intTag):
		return hashInt(int64(k.n))
	case unsafe.Pointer(&floatTag):
		return hashFloatBits(k.n)
	case unsafe.Pointer(&boolTag):
		return mix(k.n ^ boolSalt)
	}
	if k.n>>kindShift == kindString {
		return uint32(hashString(k.AsString()))
	}
	return hashPtr(k.p)
}
