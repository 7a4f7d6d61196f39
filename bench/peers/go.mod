module github.com/moonfuel/moonfuel/bench/peers

go 1.26

require (
	github.com/Shopify/go-lua v0.0.0-20250718183320-1e37f32ad7d0
	github.com/yuin/gopher-lua v1.1.2
)
