using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outlay.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddSpendingRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "daily_spending",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    total = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    expense_count = table.Column<int>(type: "integer", nullable: false),
                    total_squares = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_spending", x => new { x.user_id, x.day, x.category_id, x.currency });
                    table.ForeignKey(
                        name: "fk_daily_spending_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monthly_merchant_spending",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    merchant = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    total = table.Column<decimal>(type: "numeric(19,4)", precision: 19, scale: 4, nullable: false),
                    expense_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monthly_merchant_spending", x => new { x.user_id, x.month, x.currency, x.merchant });
                    table.ForeignKey(
                        name: "fk_monthly_merchant_spending_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every write to expenses — EF, bulk ExecuteUpdate/ExecuteDelete, COPY, cascades — keeps the roll-ups
            // in the same transaction. A row counts while deleted_at is null (see ADR 0004). Statement-level
            // triggers with transition tables apply a bulk change as one grouped delta rather than row by row.
            migrationBuilder.Sql("""
                CREATE FUNCTION roll_up_arrived_expenses() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO daily_spending AS d (user_id, day, category_id, currency, total, expense_count, total_squares)
                    SELECT user_id, occurred_on, category_id, currency, SUM(amount), COUNT(*), SUM(amount::float8 * amount::float8)
                    FROM arrived WHERE deleted_at IS NULL
                    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                    ON CONFLICT (user_id, day, category_id, currency)
                    DO UPDATE SET total = d.total + excluded.total, expense_count = d.expense_count + excluded.expense_count,
                                  total_squares = d.total_squares + excluded.total_squares;
                    INSERT INTO monthly_merchant_spending AS m (user_id, month, currency, merchant, total, expense_count)
                    SELECT user_id, date_trunc('month', occurred_on)::date, currency, merchant, SUM(amount), COUNT(*)
                    FROM arrived WHERE deleted_at IS NULL AND merchant IS NOT NULL
                    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                    ON CONFLICT (user_id, month, currency, merchant)
                    DO UPDATE SET total = m.total + excluded.total, expense_count = m.expense_count + excluded.expense_count;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION roll_up_departed_expenses() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- Lock in key order first (as the other functions write), so concurrent writers cannot deadlock.
                    PERFORM 1 FROM daily_spending d
                    WHERE (d.user_id, d.day, d.category_id, d.currency) IN (SELECT user_id, occurred_on, category_id, currency FROM departed WHERE deleted_at IS NULL)
                    ORDER BY d.user_id, d.day, d.category_id, d.currency FOR UPDATE;
                    UPDATE daily_spending d SET total = d.total - g.total, expense_count = d.expense_count - g.n, total_squares = d.total_squares - g.squares
                    FROM (SELECT user_id, occurred_on, category_id, currency, SUM(amount) AS total, COUNT(*) AS n, SUM(amount::float8 * amount::float8) AS squares
                          FROM departed WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4) g
                    WHERE d.user_id = g.user_id AND d.day = g.occurred_on AND d.category_id = g.category_id AND d.currency = g.currency;
                    DELETE FROM daily_spending d WHERE d.expense_count = 0
                      AND (d.user_id, d.day, d.category_id, d.currency) IN (SELECT user_id, occurred_on, category_id, currency FROM departed);
                    PERFORM 1 FROM monthly_merchant_spending m
                    WHERE (m.user_id, m.month, m.currency, m.merchant) IN (
                        SELECT user_id, date_trunc('month', occurred_on)::date, currency, merchant FROM departed WHERE deleted_at IS NULL AND merchant IS NOT NULL)
                    ORDER BY m.user_id, m.month, m.currency, m.merchant FOR UPDATE;
                    UPDATE monthly_merchant_spending m SET total = m.total - g.total, expense_count = m.expense_count - g.n
                    FROM (SELECT user_id, date_trunc('month', occurred_on)::date AS month, currency, merchant, SUM(amount) AS total, COUNT(*) AS n
                          FROM departed WHERE deleted_at IS NULL AND merchant IS NOT NULL GROUP BY 1, 2, 3, 4) g
                    WHERE m.user_id = g.user_id AND m.month = g.month AND m.currency = g.currency AND m.merchant = g.merchant;
                    DELETE FROM monthly_merchant_spending m WHERE m.expense_count = 0
                      AND (m.user_id, m.month, m.currency, m.merchant) IN (SELECT user_id, date_trunc('month', occurred_on)::date, currency, merchant FROM departed);
                    RETURN NULL;
                END $$;
                """);
            // An update is the old rows departing and the new ones arriving, applied as one net delta per key in
            // key order: two edits moving expenses between the same days in opposite directions then lock the
            // shared rows in the same order instead of deadlocking. Most updates change nothing counted (a note,
            // tags, the version): those return at once.
            migrationBuilder.Sql("""
                CREATE FUNCTION roll_up_changed_expenses() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NOT EXISTS (
                        SELECT 1 FROM before_change o JOIN after_change n ON n.id = o.id
                        WHERE (o.user_id, o.occurred_on, o.category_id, o.currency, o.amount, o.merchant, o.deleted_at IS NULL)
                              IS DISTINCT FROM (n.user_id, n.occurred_on, n.category_id, n.currency, n.amount, n.merchant, n.deleted_at IS NULL)) THEN
                        RETURN NULL;
                    END IF;

                    INSERT INTO daily_spending AS d (user_id, day, category_id, currency, total, expense_count, total_squares)
                    SELECT user_id, occurred_on, category_id, currency, SUM(amount), SUM(n), SUM(squares)
                    FROM (SELECT user_id, occurred_on, category_id, currency, -amount AS amount, -1 AS n, -(amount::float8 * amount::float8) AS squares
                          FROM before_change WHERE deleted_at IS NULL
                          UNION ALL
                          SELECT user_id, occurred_on, category_id, currency, amount, 1, amount::float8 * amount::float8
                          FROM after_change WHERE deleted_at IS NULL) change
                    GROUP BY 1, 2, 3, 4 HAVING SUM(amount) <> 0 OR SUM(n) <> 0 ORDER BY 1, 2, 3, 4
                    ON CONFLICT (user_id, day, category_id, currency)
                    DO UPDATE SET total = d.total + excluded.total, expense_count = d.expense_count + excluded.expense_count,
                                  total_squares = d.total_squares + excluded.total_squares;
                    INSERT INTO monthly_merchant_spending AS m (user_id, month, currency, merchant, total, expense_count)
                    SELECT user_id, date_trunc('month', occurred_on)::date, currency, merchant, SUM(amount), SUM(n)
                    FROM (SELECT user_id, occurred_on, currency, merchant, -amount AS amount, -1 AS n FROM before_change WHERE deleted_at IS NULL AND merchant IS NOT NULL
                          UNION ALL
                          SELECT user_id, occurred_on, currency, merchant, amount, 1 FROM after_change WHERE deleted_at IS NULL AND merchant IS NOT NULL) change
                    GROUP BY 1, 2, 3, 4 HAVING SUM(amount) <> 0 OR SUM(n) <> 0 ORDER BY 1, 2, 3, 4
                    ON CONFLICT (user_id, month, currency, merchant)
                    DO UPDATE SET total = m.total + excluded.total, expense_count = m.expense_count + excluded.expense_count;

                    DELETE FROM daily_spending d WHERE d.expense_count = 0
                      AND (d.user_id, d.day, d.category_id, d.currency) IN (SELECT user_id, occurred_on, category_id, currency FROM before_change);
                    DELETE FROM monthly_merchant_spending m WHERE m.expense_count = 0
                      AND (m.user_id, m.month, m.currency, m.merchant) IN (SELECT user_id, date_trunc('month', occurred_on)::date, currency, merchant FROM before_change);
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER expenses_roll_up_insert AFTER INSERT ON expenses
                REFERENCING NEW TABLE AS arrived FOR EACH STATEMENT EXECUTE FUNCTION roll_up_arrived_expenses();
                CREATE TRIGGER expenses_roll_up_delete AFTER DELETE ON expenses
                REFERENCING OLD TABLE AS departed FOR EACH STATEMENT EXECUTE FUNCTION roll_up_departed_expenses();
                CREATE TRIGGER expenses_roll_up_update AFTER UPDATE ON expenses
                REFERENCING OLD TABLE AS before_change NEW TABLE AS after_change FOR EACH STATEMENT EXECUTE FUNCTION roll_up_changed_expenses();
                """);

            // Existing expenses, counted once.
            migrationBuilder.Sql("""
                INSERT INTO daily_spending (user_id, day, category_id, currency, total, expense_count, total_squares)
                SELECT user_id, occurred_on, category_id, currency, SUM(amount), COUNT(*), SUM(amount::float8 * amount::float8)
                FROM expenses WHERE deleted_at IS NULL
                GROUP BY 1, 2, 3, 4;
                INSERT INTO monthly_merchant_spending (user_id, month, currency, merchant, total, expense_count)
                SELECT user_id, date_trunc('month', occurred_on)::date, currency, merchant, SUM(amount), COUNT(*)
                FROM expenses WHERE deleted_at IS NULL AND merchant IS NOT NULL
                GROUP BY 1, 2, 3, 4;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER expenses_roll_up_insert ON expenses;
                DROP TRIGGER expenses_roll_up_delete ON expenses;
                DROP TRIGGER expenses_roll_up_update ON expenses;
                DROP FUNCTION roll_up_arrived_expenses();
                DROP FUNCTION roll_up_departed_expenses();
                DROP FUNCTION roll_up_changed_expenses();
                """);

            migrationBuilder.DropTable(
                name: "daily_spending");

            migrationBuilder.DropTable(
                name: "monthly_merchant_spending");
        }
    }
}
