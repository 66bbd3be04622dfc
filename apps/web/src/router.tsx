import { createBrowserRouter } from "react-router";
import { AppShell } from "./components/app-shell.tsx";
import { NotFoundScreen } from "./screens/not-found-screen.tsx";
import { SignInScreen } from "./screens/sign-in-screen.tsx";

/** The screens; each but sign-in is its own chunk, loaded when first opened (code-split per screen). */
export const router = createBrowserRouter([
  { path: "/sign-in", Component: SignInScreen },
  {
    path: "/accept-invitation",
    lazy: async () => ({
      Component: (await import("./screens/accept-invitation-screen.tsx")).AcceptInvitationScreen,
    }),
  },
  {
    path: "/",
    Component: AppShell,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import("./screens/point-of-sale-screen.tsx")).PointOfSaleScreen,
        }),
      },
      {
        path: "customers",
        lazy: async () => ({
          Component: (await import("./screens/customers-screen.tsx")).CustomersScreen,
        }),
      },
      {
        path: "customers/:id",
        lazy: async () => ({
          Component: (await import("./screens/customer-screen.tsx")).CustomerScreen,
        }),
      },
      {
        path: "evaluations/:id",
        lazy: async () => ({
          Component: (await import("./screens/evaluation-screen.tsx")).EvaluationScreen,
        }),
      },
      {
        path: "quotes",
        lazy: async () => ({
          Component: (await import("./screens/quotes-screen.tsx")).QuotesScreen,
        }),
      },
      {
        path: "quotes/:id",
        lazy: async () => ({
          Component: (await import("./screens/quote-screen.tsx")).QuoteScreen,
        }),
      },
      {
        path: "audits/:id",
        lazy: async () => ({
          Component: (await import("./screens/audit-screen.tsx")).AuditScreen,
        }),
      },
      {
        path: "training",
        lazy: async () => ({
          Component: (await import("./screens/training-screen.tsx")).TrainingScreen,
        }),
      },
      {
        path: "training/scenarios",
        lazy: async () => ({
          Component: (await import("./screens/training-scenarios-screen.tsx"))
            .TrainingScenariosScreen,
        }),
      },
      {
        path: "training/handout",
        lazy: async () => ({
          Component: (await import("./screens/training-handout-screen.tsx")).TrainingHandoutScreen,
        }),
      },
      {
        path: "dashboard",
        lazy: async () => ({
          Component: (await import("./screens/dashboard-screen.tsx")).DashboardScreen,
        }),
      },
      {
        path: "settings",
        lazy: async () => ({
          Component: (await import("./screens/settings-screen.tsx")).SettingsScreen,
        }),
      },
      {
        path: "catalog",
        lazy: async () => ({
          Component: (await import("./screens/catalog-screen.tsx")).CatalogScreen,
        }),
      },
      {
        path: "users",
        lazy: async () => ({
          Component: (await import("./screens/users-screen.tsx")).UsersScreen,
        }),
      },
      { path: "*", Component: NotFoundScreen },
    ],
  },
]);
