import { Activity, LayoutDashboard, Package, Plug, Settings, ShoppingCart, Users, type LucideIcon } from "lucide-react";

export interface NavItem {
  segment: string;
  label: string;
  icon: LucideIcon;
}

export const navItems: NavItem[] = [
  { segment: "overview", label: "Overview", icon: LayoutDashboard },
  { segment: "products", label: "Products", icon: Package },
  { segment: "orders", label: "Orders", icon: ShoppingCart },
  { segment: "activity", label: "Activity", icon: Activity },
  { segment: "settings", label: "Settings", icon: Settings },
  { segment: "connections", label: "Connections", icon: Plug },
  { segment: "team", label: "Team", icon: Users },
];
