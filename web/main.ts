import './death-spiral-app';
