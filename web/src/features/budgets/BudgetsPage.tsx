export function BudgetsPage() { return <section className="page"><h1>BudgetsPage</h1></section> }
