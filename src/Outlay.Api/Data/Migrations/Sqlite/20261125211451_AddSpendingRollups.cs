using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Outlay.Api.Data.Migrations.Sqlite
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
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    category_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    total = table.Column<long>(type: "INTEGER", nullable: false),
                    expense_count = table.Column<int>(type: "INTEGER", nullable: false),
                    total_squares = table.Column<double>(type: "REAL", nullable: false)
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
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    merchant = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    total = table.Column<long>(type: "INTEGER", nullable: false),
                    expense_count = table.Column<int>(type: "INTEGER", nullable: false)
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

            // Every write to expenses — EF, bulk ExecuteUpdate/ExecuteDelete, imports, cascades — keeps the
            // roll-ups in the same transaction. A row counts while deleted_at is null (see ADR 0004).
            migrationBuilder.Sql("""
                CREATE TRIGGER expenses_roll_up_insert AFTER INSERT ON expenses
                WHEN NEW.deleted_at IS NULL
                BEGIN
                    INSERT INTO daily_spending (user_id, day, category_id, currency, total, expense_count, total_squares)
                    VALUES (NEW.user_id, NEW.occurred_on, NEW.category_id, NEW.currency, NEW.amount, 1, CAST(NEW.amount AS REAL) * NEW.amount)
                    ON CONFLICT DO UPDATE SET
                        total = total + excluded.total, expense_count = expense_count + 1, total_squares = total_squares + excluded.total_squares;
                    INSERT INTO monthly_merchant_spending (user_id, month, currency, merchant, total, expense_count)
                    SELECT NEW.user_id, strftime('%Y-%m-01', NEW.occurred_on), NEW.currency, NEW.merchant, NEW.amount, 1
                    WHERE NEW.merchant IS NOT NULL
                    ON CONFLICT DO UPDATE SET total = total + excluded.total, expense_count = expense_count + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER expenses_roll_up_delete AFTER DELETE ON expenses
                WHEN OLD.deleted_at IS NULL
                BEGIN
                    UPDATE daily_spending SET total = total - OLD.amount, expense_count = expense_count - 1, total_squares = total_squares - CAST(OLD.amount AS REAL) * OLD.amount
                    WHERE user_id = OLD.user_id AND day = OLD.occurred_on AND category_id = OLD.category_id AND currency = OLD.currency;
                    DELETE FROM daily_spending
                    WHERE user_id = OLD.user_id AND day = OLD.occurred_on AND category_id = OLD.category_id AND currency = OLD.currency
                      AND expense_count = 0;
                    UPDATE monthly_merchant_spending SET total = total - OLD.amount, expense_count = expense_count - 1
                    WHERE user_id = OLD.user_id AND month = strftime('%Y-%m-01', OLD.occurred_on) AND currency = OLD.currency AND merchant = OLD.merchant;
                    DELETE FROM monthly_merchant_spending
                    WHERE user_id = OLD.user_id AND month = strftime('%Y-%m-01', OLD.occurred_on) AND currency = OLD.currency AND merchant = OLD.merchant
                      AND expense_count = 0;
                END;
                """);
            // An update is the old row leaving and the new one arriving; the WHEN skips edits that change
            // nothing counted (a note, tags, the version).
            migrationBuilder.Sql("""
                CREATE TRIGGER expenses_roll_up_update AFTER UPDATE OF user_id, occurred_on, category_id, currency, amount, merchant, deleted_at ON expenses
                WHEN OLD.user_id IS NOT NEW.user_id OR OLD.occurred_on IS NOT NEW.occurred_on OR OLD.category_id IS NOT NEW.category_id
                  OR OLD.currency IS NOT NEW.currency OR OLD.amount IS NOT NEW.amount OR OLD.merchant IS NOT NEW.merchant
                  OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL)
                BEGIN
                    UPDATE daily_spending SET total = total - OLD.amount, expense_count = expense_count - 1, total_squares = total_squares - CAST(OLD.amount AS REAL) * OLD.amount
                    WHERE OLD.deleted_at IS NULL
                      AND user_id = OLD.user_id AND day = OLD.occurred_on AND category_id = OLD.category_id AND currency = OLD.currency;
                    UPDATE monthly_merchant_spending SET total = total - OLD.amount, expense_count = expense_count - 1
                    WHERE OLD.deleted_at IS NULL
                      AND user_id = OLD.user_id AND month = strftime('%Y-%m-01', OLD.occurred_on) AND currency = OLD.currency AND merchant = OLD.merchant;
                    INSERT INTO daily_spending (user_id, day, category_id, currency, total, expense_count, total_squares)
                    SELECT NEW.user_id, NEW.occurred_on, NEW.category_id, NEW.currency, NEW.amount, 1, CAST(NEW.amount AS REAL) * NEW.amount
                    WHERE NEW.deleted_at IS NULL
                    ON CONFLICT DO UPDATE SET
                        total = total + excluded.total, expense_count = expense_count + 1, total_squares = total_squares + excluded.total_squares;
                    INSERT INTO monthly_merchant_spending (user_id, month, currency, merchant, total, expense_count)
                    SELECT NEW.user_id, strftime('%Y-%m-01', NEW.occurred_on), NEW.currency, NEW.merchant, NEW.amount, 1
                    WHERE NEW.deleted_at IS NULL AND NEW.merchant IS NOT NULL
                    ON CONFLICT DO UPDATE SET total = total + excluded.total, expense_count = expense_count + 1;
                    DELETE FROM daily_spending
                    WHERE user_id = OLD.user_id AND day = OLD.occurred_on AND category_id = OLD.category_id AND currency = OLD.currency
                      AND expense_count = 0;
                    DELETE FROM monthly_merchant_spending
                    WHERE user_id = OLD.user_id AND month = strftime('%Y-%m-01', OLD.occurred_on) AND currency = OLD.currency AND merchant = OLD.merchant
                      AND expense_count = 0;
                END;
                """);

            // Existing expenses, counted once.
            migrationBuilder.Sql("""
                INSERT INTO daily_spending (user_id, day, category_id, currency, total, expense_count, total_squares)
                SELECT user_id, occurred_on, category_id, currency, SUM(amount), COUNT(*), SUM(CAST(amount AS REAL) * amount)
                FROM expenses WHERE deleted_at IS NULL
                GROUP BY user_id, occurred_on, category_id, currency;
                """);
            migrationBuilder.Sql("""
                INSERT INTO monthly_merchant_spending (user_id, month, currency, merchant, total, expense_count)
                SELECT user_id, strftime('%Y-%m-01', occurred_on), currency, merchant, SUM(amount), COUNT(*)
                FROM expenses WHERE deleted_at IS NULL AND merchant IS NOT NULL
                GROUP BY user_id, strftime('%Y-%m-01', occurred_on), currency, merchant;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER expenses_roll_up_insert;");
            migrationBuilder.Sql("DROP TRIGGER expenses_roll_up_delete;");
            migrationBuilder.Sql("DROP TRIGGER expenses_roll_up_update;");

            migrationBuilder.DropTable(
                name: "daily_spending");

            migrationBuilder.DropTable(
                name: "monthly_merchant_spending");
        }
    }
}
