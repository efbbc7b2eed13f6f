export function HomePage() { return <section className="page"><h1>HomePage</h1></section> }
