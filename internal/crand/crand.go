// Package crand is the pseudo-random generator behind math.random. It
// reproduces the additive feedback generator of glibc's random()/srandom()
// (the default TYPE_3 state of 31 words), which the reference lua5.3 uses
// on Linux, so seeded sequences match the reference number for number.
package crand

// Max is the largest value Next returns (C's RAND_MAX for random()).
const Max = 0x7FFFFFFF

const (
	deg = 31 // degree of the polynomial (words of state)
	sep = 3  // separation between the front and rear pointers
)

// Rand is a generator state. The zero value is not seeded; use New or
// Seed. A Rand is not safe for concurrent use.
type Rand struct {
	state [deg]int32
	f, r  int // front and rear indexes into state
}

// New returns a generator in the state C's random() starts in (as if
// seeded with 1).
func New() *Rand {
	g := new(Rand)
	g.Seed(1)
	return g
}

// Seed reinitialises the generator as srandom(seed) does.
func (g *Rand) Seed(seed uint32) {
	if seed == 0 {
		seed = 1
	}
	word := int32(seed)
	g.state[0] = word
	for i := 1; i < deg; i++ {
		// state[i] = (16807 * state[i-1]) % 2147483647 without overflow
		hi := word / 127773
		lo := word % 127773
		word = 16807*lo - 2836*hi
		if word < 0 {
			word += 2147483647
		}
		g.state[i] = word
	}
	g.f, g.r = sep, 0
	for i := 0; i < deg*10; i++ {
		g.Next()
	}
}

// Next returns the next value in [0, Max].
func (g *Rand) Next() int32 {
	g.state[g.f] += g.state[g.r]
	result := int32(uint32(g.state[g.f]) >> 1)
	g.f++
	if g.f >= deg {
		g.f = 0
		g.r++
	} else {
		g.r++
		if g.r >= deg {
			g.r = 0
		}
	}
	return result
}

// Float returns the next value scaled to [0, 1), as Lua 5.3 computes it:
// Next() / (Max + 1).
func (g *Rand) Float() float64 {
	return float64(g.Next()) * (1.0 / (float64(Max) + 1.0))
}
