export default function ReportsPage() { return <section className="page"><h1>Reports</h1></section> }
